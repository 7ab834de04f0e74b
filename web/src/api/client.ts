import { currentLanguage } from '../i18n/i18n.ts'

export interface FieldError {
  field: string
  code: string
  message: string
}

/** The server's `{ error: { code, message, fields } }`, already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message)
  }
}

type Listener = () => void
const signedOutListeners = new Set<Listener>()

/** Called when any request answers 401: the session ended. */
export function onSignedOut(listener: Listener) {
  signedOutListeners.add(listener)
  return () => {
    signedOutListeners.delete(listener)
  }
}

export interface RequestOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

export interface ApiResponse<T> {
  body: T
  headers: Headers
}

export async function requestWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    signal: options.signal,
    headers: {
      accept: 'application/json',
      'accept-language': currentLanguage(),
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  const body = text ? JSON.parse(text) : null
  if (!response.ok) {
    const error = body?.error ?? {}
    if (response.status === 401 && !path.startsWith('/api/auth/')) signedOutListeners.forEach((listener) => listener())
    throw new ApiError(response.status, error.code ?? 'INTERNAL', error.message ?? response.statusText, error.fields ?? [])
  }
  return { body: body as T, headers: response.headers }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestWithHeaders<T>(path, options)).body
}
