import diagnostics from 'node:diagnostics_channel'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'

/**
 * Test harness of the malformed-input property suite: a raw HTTP client (any method, body bytes,
 * content type and headers), the checks every response must pass, the server-side error behind
 * a 5xx, and snapshots of what a workspace holds, to prove that a refused request wrote nothing.
 */

export type Locale = 'zh-CN' | 'en'

export interface Language {
  header: string
  locale: Locale
}

/** Accept-Language headers the suite alternates between, with the language each must produce. */
export const LANGUAGES: readonly Language[] = [
  { header: 'zh-CN', locale: 'zh-CN' },
  { header: 'en', locale: 'en' },
  { header: 'zh-CN,zh;q=0.9,en;q=0.8', locale: 'zh-CN' },
  { header: 'en-US,en;q=0.9,zh-CN;q=0.5', locale: 'en' },
]

export interface WireRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path and query string, already percent-encoded (possibly on purpose badly). */
  path: string
  body?: string | Uint8Array
  /** Content-Type header; none when undefined. */
  contentType?: string
  headers?: Record<string, string>
  language: Language
}

export interface WireResponse {
  status: number
  text: string
  body: unknown
}

export interface Exchange {
  request: WireRequest
  response: WireResponse
  /** The error the route handler threw, when there was one (it carries the server stack of a 5xx). */
  serverError: unknown
}

/** Catches errors thrown by route handlers through Fastify's diagnostics channel, by probe id. */
export class ServerErrors {
  private readonly errors = new Map<string, unknown>()
  private readonly channel = diagnostics.tracingChannel('fastify.request.handler')
  private readonly subscribers = {
    start() {},
    end() {},
    asyncStart() {},
    asyncEnd() {},
    error: (store: unknown) => {
      const { request, error } = store as { request?: { headers?: Record<string, unknown> }; error?: unknown }
      const id = request?.headers?.['x-probe-id']
      if (typeof id === 'string') this.errors.set(id, error)
    },
  }

  constructor() {
    this.channel.subscribe(this.subscribers)
  }

  take(id: string): unknown {
    const error = this.errors.get(id)
    this.errors.delete(id)
    return error
  }

  close(): void {
    this.channel.unsubscribe(this.subscribers)
  }
}

let probes = 0

/** Sends requests as one caller (a session cookie, or none) and records each exchange. */
export class WireClient {
  sent = 0
  constructor(readonly baseUrl: string, private readonly errors: ServerErrors, readonly cookie = '') {}

  async send(request: WireRequest): Promise<Exchange> {
    const id = String(++probes)
    this.sent++
    const headers: Record<string, string> = {
      'x-probe-id': id,
      'accept-language': request.language.header,
      ...(this.cookie && { cookie: this.cookie }),
      ...(request.contentType !== undefined && { 'content-type': request.contentType }),
      ...request.headers,
    }
    let response: Response
    try {
      response = await fetch(`${this.baseUrl}${request.path}`, { method: request.method, headers, body: request.body as BodyInit | undefined })
    } catch (error) {
      // The connection broke: as bad as a 5xx.
      return { request, response: { status: 599, text: String(error), body: null }, serverError: error }
    }
    const text = await response.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text
    }
    return { request, response: { status: response.status, text, body }, serverError: this.errors.take(id) }
  }
}

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u

/** Quoted parts of an English message echo the caller's input (an object name, a key): not checked. */
const withoutQuoted = (message: string) => message.replace(/".*"/s, '""')

/**
 * Problems of one response, whatever the request: never a 5xx; a 4xx has the error shape, names a
 * field when it is VALIDATION_FAILED, and speaks the request's language.
 */
export function responseProblems(exchange: Exchange): string[] {
  const { status, body } = exchange.response
  const problems: string[] = []
  if (status >= 500) return [`status ${status}`]
  if (status < 400) return problems
  const error = (body as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown; fields?: unknown } | undefined
  if (typeof error !== 'object' || error === null) return [`${status} without an { error } body`]
  if (typeof error.code !== 'string' || error.code === '') problems.push('error.code is not a non-empty string')
  if (typeof error.message !== 'string' || error.message.trim() === '') problems.push('error.message is not a non-empty string')
  if (!Array.isArray(error.fields)) return [...problems, 'error.fields is not an array']
  const fields = error.fields as Array<{ field?: unknown; code?: unknown; message?: unknown }>
  fields.forEach((item, index) => {
    // The field path echoes the input: an empty key is named as ''.
    if (typeof item?.field !== 'string') problems.push(`error.fields[${index}].field is not a string`)
    for (const key of ['code', 'message'] as const) {
      if (typeof item?.[key] !== 'string' || (item[key] as string).trim() === '') problems.push(`error.fields[${index}].${key} is not a non-empty string`)
    }
  })
  if (error.code === 'VALIDATION_FAILED' && status === 400 && fields.length === 0) problems.push('VALIDATION_FAILED names no field')
  const messages = [error.message, ...fields.map((item) => item?.message)].filter((message): message is string => typeof message === 'string')
  const where = (message: string) => (message === error.message ? 'error.message' : `field message ${JSON.stringify(message)}`)
  for (const message of messages) {
    if (exchange.request.language.locale === 'zh-CN' && !HAN.test(message)) problems.push(`${where(message)} is not Chinese for Accept-Language ${exchange.request.language.header}`)
    if (exchange.request.language.locale === 'en' && HAN.test(withoutQuoted(message))) problems.push(`${where(message)} is not English for Accept-Language ${exchange.request.language.header}`)
  }
  return problems
}

/** The field paths a VALIDATION_FAILED response names. */
export function namedFields(exchange: Exchange): string[] {
  const fields = ((exchange.response.body as { error?: { fields?: unknown } } | null)?.error?.fields ?? []) as Array<{ field?: unknown }>
  return Array.isArray(fields) ? fields.map((item) => String(item?.field)) : []
}

const clip = (text: string, max = 1200) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text)

function bodyText(body: WireRequest['body']): string {
  if (body === undefined) return '(none)'
  if (typeof body === 'string') return clip(JSON.stringify(body))
  return `bytes ${clip(Buffer.from(body).toString('hex'), 400)}`
}

function stackOf(error: unknown): string {
  if (error instanceof Error) {
    const extra = (error as { code?: unknown }).code ? ` [${String((error as { code?: unknown }).code)}]` : ''
    return `${(error.stack ?? String(error)).split('\n').slice(0, 12).join('\n    ')}${extra}`
  }
  return error === undefined ? '(no handler error captured: thrown by a hook or by Fastify itself)' : String(error)
}

/** A reproduction of an exchange: request line, headers, body (JSON-escaped), response, server stack. */
export function describeExchange(exchange: Exchange): string {
  const { request, response } = exchange
  const lines = [
    `${request.method} ${clip(request.path, 1500)}`,
    `  accept-language: ${request.language.header}`,
    ...(request.contentType !== undefined ? [`  content-type: ${request.contentType}`] : []),
    ...Object.entries(request.headers ?? {}).map(([name, value]) => `  ${name}: ${clip(value, 200)}`),
    `  body: ${bodyText(request.body)}`,
    `→ ${response.status} ${clip(response.text, 600)}`,
  ]
  if (response.status >= 500) lines.push(`  server: ${stackOf(exchange.serverError)}`)
  return lines.join('\n')
}

const RECORD_TABLES = ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'products', 'users', 'teams', 'custom_records'] as const

export type Snapshot = Record<string, string>

export interface SnapshotScope {
  /** Workspaces whose data is taken. */
  workspaces: string[]
  /** Also what sign-up and sign-in write, across workspaces. */
  global?: boolean
  /** Also the version of one record. */
  record?: { table: string; workspaceId: string; id: string }
}

/**
 * Everything a request could write, in one query: per workspace and record table its row count,
 * the sum of versions (every update, delete and restore bumps one) and deleted rows; the event
 * log, jobs, idempotency keys, counters, custom metadata, sign-in directory, sessions and API keys.
 */
export async function takeSnapshot(db: Db, scope: SnapshotScope): Promise<Snapshot> {
  const parts = scope.workspaces.flatMap((workspaceId, index) => {
    const name = (key: string) => sql.id(`w${index}.${key}`)
    return [
      ...RECORD_TABLES.map((table) => sql`(select count(*) || '/' || coalesce(sum(version), 0) || '/' || count(deleted_at) from ${sql.table(table)} where workspace_id = ${workspaceId}) as ${name(table)}`),
      sql`(select count(*) from events where workspace_id = ${workspaceId})::text as ${name('events')}`,
      sql`(select count(*) from jobs where workspace_id = ${workspaceId})::text as ${name('jobs')}`,
      sql`(select count(*) from idempotency_keys where workspace_id = ${workspaceId})::text as ${name('idempotency_keys')}`,
      sql`(select coalesce(sum(value), 0) from counters where workspace_id = ${workspaceId})::text as ${name('counters')}`,
      sql`(select count(*) from custom_objects where workspace_id = ${workspaceId})::text as ${name('custom_objects')}`,
      sql`(select count(*) from custom_fields where workspace_id = ${workspaceId})::text as ${name('custom_fields')}`,
      sql`(select count(*) from sign_in_directory where workspace_id = ${workspaceId})::text as ${name('sign_in_directory')}`,
      sql`(select count(*) from sessions where workspace_id = ${workspaceId})::text as ${name('sessions')}`,
      sql`(select count(*) || '/' || count(revoked_at) from api_keys where workspace_id = ${workspaceId}) as ${name('api_keys')}`,
      sql`(select metadata_version || '/' || name from workspaces where id = ${workspaceId}) as ${name('workspace')}`,
    ]
  })
  if (scope.global) {
    parts.push(
      sql`(select count(*) from workspaces)::text as ${sql.id('all.workspaces')}`,
      sql`(select count(*) from users)::text as ${sql.id('all.users')}`,
      sql`(select count(*) from roles)::text as ${sql.id('all.roles')}`,
      sql`(select count(*) from sign_in_directory)::text as ${sql.id('all.sign_in_directory')}`,
      sql`(select count(*) from sessions)::text as ${sql.id('all.sessions')}`,
      sql`(select count(*) from events)::text as ${sql.id('all.events')}`,
    )
  }
  if (scope.record) {
    const { table, workspaceId, id } = scope.record
    parts.push(sql`(select version from ${sql.table(table)} where workspace_id = ${workspaceId} and id = ${id})::text as ${sql.id('record.version')}`)
  }
  const result = await sql<Snapshot>`select ${sql.join(parts)}`.execute(db)
  return Object.fromEntries(Object.entries(result.rows[0]).map(([key, value]) => [key, String(value)]))
}

/** Keys whose value differs, as `key: before → after`. */
export function snapshotChanges(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((key) => before[key] !== after[key]).map((key) => `${key}: ${before[key]} → ${after[key]}`)
}

/** Row count of one record table of the first workspace in a snapshot. */
export const rowCount = (snapshot: Snapshot, table: string) => Number(snapshot[`w0.${table}`]?.split('/')[0] ?? NaN)
