import fc from 'fast-check'
import { afterAll, beforeAll } from 'vitest'
import type { Engine } from '../db/database.ts'
import { startTestServer, type TestServer } from '../test-support/test-server.ts'
import type { Body } from './malformed-input.property-bodies.ts'
import {
  describeExchange, LANGUAGES, namedFields, ServerErrors, snapshotChanges, takeSnapshot, WireClient,
  type Exchange, type Snapshot,
} from './malformed-input.property-harness.ts'
import type { ObjectMeta, Verdict, World } from './malformed-input.property-model.ts'
import { PASSWORD, seedWorld } from './malformed-input.property-world.ts'

/**
 * What both malformed-input test files share: how many requests each property generates, the
 * running server with its fuzzed workspaces and clients, and the checks every exchange must pass.
 *
 * MALFORMED_INPUT_SEED=<n> replays a run; MALFORMED_INPUT_COLLECT=1 runs every property to the end
 * and lists every distinct violation instead of stopping (and shrinking) at the first one.
 */

/** Runs per property and engine, per test file; their sum is the number of generated requests (≥ 1,000). */
export const NUM_RUNS = {
  writes: {
    create: 300,
    update: 200,
    bulk: 80,
    rawBodies: 100,
    auth: 60,
    metadata: 40,
  },
  reads: {
    list: 300,
    search: 80,
    ids: 120,
  },
}
export type SuitePart = keyof typeof NUM_RUNS
const sumOf = (runs: Record<string, number>) => Object.values(runs).reduce((sum, count) => sum + count, 0)
export const PLANNED_RUNS = { writes: sumOf(NUM_RUNS.writes), reads: sumOf(NUM_RUNS.reads) }
export const TOTAL_RUNS = PLANNED_RUNS.writes + PLANNED_RUNS.reads

const SEED = process.env.MALFORMED_INPUT_SEED ? Number(process.env.MALFORMED_INPUT_SEED) : undefined
export const COLLECT = process.env.MALFORMED_INPUT_COLLECT === '1'
export const PROPERTY_TIMEOUT = 600_000

export const language = fc.constantFrom(...LANGUAGES)
export const json = 'application/json'

export const assertProperty = async <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => Promise<boolean>) => {
  await fc.assert(fc.asyncProperty(fc.limitShrink(arbitrary, 150), predicate), { numRuns, ...(SEED !== undefined && { seed: SEED }) })
}

async function signInCookie(baseUrl: string, email: string, password: string, workspace?: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': json }, body: JSON.stringify({ email, password, workspace }) })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  return cookie
}

/** One engine's server with two fuzzed workspaces, started before the file's properties and closed after. */
export class MalformedInputSuite {
  server!: TestServer
  /** Administrator of workspace A, where records are fuzzed. */
  admin!: WireClient
  /** Administrator of workspace B, where metadata is fuzzed. */
  adminB!: WireClient
  anonymous!: WireClient
  world!: World
  /** The record each object's updates aim at. */
  targets: Record<string, string> = {}
  authUser!: { email: string; slug: string }
  readonly violations: string[] = []
  private errors!: ServerErrors
  private workspaceId!: string
  private workspaceB!: string
  private started = 0

  async start(engine: Engine): Promise<void> {
    this.started = Date.now()
    this.errors = new ServerErrors()
    this.server = await startTestServer(engine)
    const a = await this.server.newWorkspace('Fuzz A')
    const b = await this.server.newWorkspace('Fuzz B')
    this.workspaceId = a.workspaceId
    this.workspaceB = b.workspaceId
    const emailOf = async (id: string) => (await this.server.database.db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email as string
    const { baseUrl } = this.server
    this.admin = new WireClient(baseUrl, this.errors, await signInCookie(baseUrl, await emailOf(a.adminId), PASSWORD, a.slug))
    this.adminB = new WireClient(baseUrl, this.errors, await signInCookie(baseUrl, await emailOf(b.adminId), PASSWORD, b.slug))
    this.anonymous = new WireClient(baseUrl, this.errors)
    this.authUser = { email: await emailOf(a.adminId), slug: a.slug }
    const seeded = await seedWorld(a, b)
    this.world = seeded.world
    Object.assign(this.targets, seeded.targets)
  }

  async stop(engine: Engine, part: SuitePart): Promise<void> {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1)
    const sent = (this.admin?.sent ?? 0) + (this.adminB?.sent ?? 0) + (this.anonymous?.sent ?? 0)
    console.log(`[malformed-input] ${engine} ${part}: ${PLANNED_RUNS[part]} of ${TOTAL_RUNS} generated requests planned (numRuns), ${sent} requests sent in total (with shrinking and setup), ${seconds}s`)
    this.errors?.close()
    await this.server?.close()
  }

  meta(object: string): ObjectMeta {
    return this.world.objects[object]
  }

  /** Workspace A's data (where records are fuzzed); B's, and the global tables, on demand. */
  snapshot(scope: { b?: boolean; global?: boolean; record?: { table: string; id: string } } = {}): Promise<Snapshot> {
    return takeSnapshot(this.server.database.db, {
      workspaces: [this.workspaceId, ...(scope.b ? [this.workspaceB] : [])],
      global: scope.global,
      record: scope.record && { ...scope.record, workspaceId: this.workspaceId },
    })
  }

  /** Fails the property with a reproduction (or, collecting, records it and goes on). */
  verdictOf(exchange: Exchange, problems: string[]): boolean {
    if (problems.length === 0) return true
    const report = `${problems.map((problem) => `✗ ${problem}`).join('\n')}\n${describeExchange(exchange)}`
    if (COLLECT) {
      this.violations.push(report)
      return true
    }
    throw new Error(report)
  }
}

/** A suite for the engine, started and stopped around the enclosing describe block. */
export function useMalformedInputSuite(engine: Engine, part: SuitePart): MalformedInputSuite {
  const suite = new MalformedInputSuite()
  beforeAll(() => suite.start(engine), 180_000)
  afterAll(() => suite.stop(engine, part))
  return suite
}

const isClientError = (status: number) => status >= 400 && status < 500
const errorCode = (exchange: Exchange) => (exchange.response.body as { error?: { code?: unknown } } | null)?.error?.code

/** Problems common to writes: a refusal must leave everything as it was. */
export function writeProblems(exchange: Exchange, before: Snapshot, after: Snapshot): string[] {
  const changes = snapshotChanges(before, after)
  return exchange.response.status >= 400 && changes.length > 0 ? [`refused with ${exchange.response.status} but wrote: ${changes.join('; ')}`] : []
}

/**
 * Problems of the refusal: input built to be invalid must get a 4xx, and a 400 VALIDATION_FAILED
 * may only name fields that were refused or odd (`suspects`), never one that was valid.
 */
export function refusalProblems(exchange: Exchange, verdict: Verdict, suspects?: (field: string) => boolean): string[] {
  const { status } = exchange.response
  if (status >= 500) return []
  if (verdict === 'invalid' && !isClientError(status)) return [`invalid input accepted with ${status}`]
  if (!suspects || status !== 400 || errorCode(exchange) !== 'VALIDATION_FAILED') return []
  const blamed = namedFields(exchange).filter((field) => !suspects(field))
  return blamed.length > 0 ? [`names fields that were not at fault: ${JSON.stringify(blamed)}`] : []
}

export const suspectKeys = (body: Body) => (field: string) => body.suspects.some((key) => field === key.slice(0, 200))

/** The collected violations, grouped by problem and route, with one example each. */
export function violationSummary(violations: string[]): string {
  const distinct = new Map<string, { count: number; example: string }>()
  for (const report of violations) {
    const lines = report.split('\n')
    const request = lines.find((line) => /^(GET|POST|PATCH|DELETE) /.test(line)) ?? ''
    const route = request.replace(/\?.*$/, '').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    const server = lines.find((line) => line.startsWith('  server: ')) ?? ''
    const key = `${lines.filter((line) => line.startsWith('✗')).map((line) => line.replace(/".*"|\d+/g, '…')).join(' | ')} @ ${route.slice(0, 80)} ${server.slice(0, 120)}`
    const seen = distinct.get(key)
    if (seen) seen.count++
    else distinct.set(key, { count: 1, example: report })
  }
  const summary = [...distinct.values()].map(({ count, example }) => `×${count}\n${example}`).join('\n\n')
  return `${distinct.size} distinct violations:\n\n${summary}`
}
