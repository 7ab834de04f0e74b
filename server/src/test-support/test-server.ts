import { afterAll, beforeAll } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../config.ts'
import type { Database, Engine } from '../db/database.ts'
import { buildApp } from '../http/app.ts'
import { syncRecordTables } from '../metadata/table-schema.ts'
import { createWorkspace } from '../workspaces/create-workspace.ts'
import { openTestDatabase } from './test-database.ts'

export interface ApiResponse<T = any> {
  status: number
  headers: Headers
  body: T
}

/** A signed-in (or anonymous) HTTP client of the running test server. */
export class ApiClient {
  constructor(readonly baseUrl: string, private cookie = '', private bearer = '', private language = 'en') {}

  withLanguage(language: string): ApiClient {
    return new ApiClient(this.baseUrl, this.cookie, this.bearer, language)
  }

  withApiKey(key: string): ApiClient {
    return new ApiClient(this.baseUrl, '', key, this.language)
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'accept-language': this.language,
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.bearer && { authorization: `Bearer ${this.bearer}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie?.startsWith('rapport_session=')) this.cookie = setCookie.split(';')[0]
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T }
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('GET', path, undefined, headers)
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('POST', path, body ?? {}, headers)
  patch = <T = any>(path: string, body: unknown, headers?: Record<string, string>) => this.request<T>('PATCH', path, body, headers)
  delete = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('DELETE', path, undefined, headers)
}

export interface TestServer {
  database: Database
  app: FastifyInstance
  baseUrl: string
  /** A client signed in as the administrator of a fresh workspace. */
  newWorkspace(name?: string): Promise<{ admin: ApiClient; workspaceId: string; adminId: string; slug: string }>
  signIn(email: string, password: string): Promise<ApiClient>
  anonymous(): ApiClient
  close(): Promise<void>
}

let counter = 0

/** The real server on a real, fresh database of the given engine, listening on a free port. */
export async function startTestServer(engine: Engine, options: { now?: () => Date } = {}): Promise<TestServer> {
  const database = await openTestDatabase(engine)
  await syncRecordTables(database.db)
  const config = { ...loadConfig({}), port: 0 }
  const app = await buildApp({ database, config, now: options.now ?? (() => new Date()) })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const server: TestServer = {
    database,
    app,
    baseUrl,
    async newWorkspace(name = `Test ${++counter}`) {
      const email = `admin${++counter}@example.com`
      const created = await createWorkspace(database.db, { name, admin: { name: 'Admin', email, password: 'correct horse battery' } })
      const admin = await server.signIn(email, 'correct horse battery')
      return { admin, ...created }
    },
    async signIn(email, password) {
      const client = new ApiClient(baseUrl)
      const response = await client.post('/api/auth/sign-in', { email, password })
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`)
      return client
    },
    anonymous: () => new ApiClient(baseUrl),
    async close() {
      await app.close()
      await database.close()
    },
  }
  return server
}

export interface WorkspaceFixture {
  server: TestServer
  admin: ApiClient
  workspaceId: string
}

/**
 * The real server with a fresh workspace for the enclosing `describe`, started before its tests and
 * closed after them; read the fixture's fields inside the tests.
 */
export function useServerWithWorkspace(engine: Engine): WorkspaceFixture {
  const fixture = {} as WorkspaceFixture
  beforeAll(async () => {
    fixture.server = await startTestServer(engine)
    const { admin, workspaceId } = await fixture.server.newWorkspace()
    Object.assign(fixture, { admin, workspaceId })
  })
  afterAll(async () => fixture.server?.close())
  return fixture
}
