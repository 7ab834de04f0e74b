import fs from 'node:fs'
import http from 'node:http'

export interface HttpResponse<T = unknown> {
  status: number
  body: T
  ms: number
}

/**
 * A small keep-alive HTTP/1.1 client for the bench: less client-side work than fetch, so the
 * timings are mostly the server's. Holds the session cookie after sign-in.
 */
export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 8 })
  private readonly url: URL

  constructor(baseUrl: string, private cookie = '') {
    this.url = new URL(baseUrl)
  }

  request<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpResponse<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const start = performance.now()
    return new Promise((resolve, reject) => {
      const request = http.request({
        agent: this.agent,
        host: this.url.hostname,
        port: this.url.port,
        method,
        path,
        headers: {
          accept: 'application/json',
          'accept-language': 'zh-CN',
          ...(this.cookie && { cookie: this.cookie }),
          ...(payload && { 'content-type': 'application/json', 'content-length': String(payload.length) }),
        },
      }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          const setCookie = response.headers['set-cookie']?.find((value) => value.startsWith('rapport_session='))
          if (setCookie) this.cookie = setCookie.split(';')[0]
          let parsed: unknown = text
          try {
            parsed = text ? JSON.parse(text) : null
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, body: parsed as T, ms: performance.now() - start })
        })
      })
      request.on('error', reject)
      request.end(payload)
    })
  }

  /** PUT of a file's bytes, streamed from disk (an upload the way a browser sends it). */
  putFile<T = unknown>(path: string, filePath: string, contentType: string): Promise<HttpResponse<T>> {
    const start = performance.now()
    return new Promise((resolve, reject) => {
      const request = http.request({
        agent: this.agent, host: this.url.hostname, port: this.url.port, method: 'PUT', path,
        headers: { accept: 'application/json', 'content-type': contentType, 'content-length': String(fs.statSync(filePath).size), ...(this.cookie && { cookie: this.cookie }) },
      }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as T, ms: performance.now() - start }))
      })
      request.on('error', reject)
      fs.createReadStream(filePath).on('error', reject).pipe(request)
    })
  }

  /** The session token the server set at sign-in. */
  get sessionToken(): string {
    return decodeURIComponent(this.cookie.slice(this.cookie.indexOf('=') + 1))
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path)
  }

  /** GET that must answer 200, else the bench stops: a wrong answer is not a timing. */
  async ok<T = unknown>(path: string): Promise<HttpResponse<T>> {
    const response = await this.request<T>('GET', path)
    if (response.status !== 200) throw new Error(`GET ${path} → ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`)
    return response
  }

  static async signIn(baseUrl: string, email: string, password: string): Promise<HttpClient> {
    const client = new HttpClient(baseUrl)
    const response = await client.request('POST', '/api/auth/sign-in', { email, password })
    if (response.status !== 200 || !client.cookie) throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`)
    return client
  }

  close() {
    this.agent.destroy()
  }
}
