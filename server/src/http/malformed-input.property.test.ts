import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'
import {
  absentUuid, anyString, badRecordBody, encode, hex, listQuery, MALFORMED_IDS, recordBody, searchText, serialize, sometimes, UNSTORABLE_STRINGS, validBody,
  type Body, type Entry, type ObjectMeta, type Verdict, type World,
} from './malformed-input.property-arbitraries.ts'
import {
  describeExchange, LANGUAGES, namedFields, responseProblems, rowCount, ServerErrors, snapshotChanges, takeSnapshot, WireClient,
  type Exchange, type Snapshot, type WireRequest,
} from './malformed-input.property-harness.ts'

/**
 * "A property-based suite sends at least 1,000 malformed bodies and query strings across the
 * endpoints: no 5xx, and nothing is written for a 4xx."
 *
 * Every generated request must get a status below 500; a 4xx must have the error shape
 * `{ error: { code, message, fields: [{ field, code, message }] } }` in the request's language,
 * name a field when it is a 400 VALIDATION_FAILED, and leave the workspace exactly as it was.
 * Requests built to be invalid must be refused (a 4xx), naming the offending field.
 *
 * MALFORMED_INPUT_SEED=<n> replays a run; MALFORMED_INPUT_COLLECT=1 runs every property to the end
 * and lists every distinct violation instead of stopping (and shrinking) at the first one.
 */

/** Runs per property and engine; their sum is the number of generated requests (≥ 1,000). */
const NUM_RUNS = {
  create: 300,
  update: 200,
  bulk: 80,
  rawBodies: 100,
  list: 300,
  search: 80,
  ids: 120,
  auth: 60,
  metadata: 40,
}
const TOTAL_RUNS = Object.values(NUM_RUNS).reduce((sum, runs) => sum + runs, 0)
const SEED = process.env.MALFORMED_INPUT_SEED ? Number(process.env.MALFORMED_INPUT_SEED) : undefined
const COLLECT = process.env.MALFORMED_INPUT_COLLECT === '1'
const PROPERTY_TIMEOUT = 600_000

const FUZZED_OBJECTS = ['accounts', 'contacts', 'opportunities', 'activities', 'users', 'leads', 'projects'] as const
const TABLE_OF: Record<string, string> = { projects: 'custom_records' }
const tableOf = (object: string) => TABLE_OF[object] ?? object
const PASSWORD = 'correct horse battery'
const language = fc.constantFrom(...LANGUAGES)
const json = 'application/json'

const isClientError = (status: number) => status >= 400 && status < 500
const errorCode = (exchange: Exchange) => (exchange.response.body as { error?: { code?: unknown } } | null)?.error?.code

async function signInCookie(baseUrl: string, email: string, password: string, workspace?: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': json }, body: JSON.stringify({ email, password, workspace }) })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  return cookie
}

async function created(response: Promise<{ status: number; body: any }>, what: string): Promise<string> {
  const { status, body } = await response
  if (status !== 201) throw new Error(`setup: ${what} → ${status} ${JSON.stringify(body)}`)
  return body.id
}

describe.each(testEngines)('malformed input on %s', (engine) => {
  let server: TestServer
  let errors: ServerErrors
  let admin: WireClient
  let adminB: WireClient
  let anonymous: WireClient
  let workspaceId: string
  let workspaceB: string
  let world: World
  /** The record each object's updates aim at. */
  const targets: Record<string, string> = {}
  let authUser: { email: string; slug: string }
  const violations: string[] = []
  let started = 0

  const meta = (object: string): ObjectMeta => world.objects[object]
  /** Workspace A's data (where records are fuzzed); B's, and the global tables, on demand. */
  const snapshot = (scope: { b?: boolean; global?: boolean; record?: { table: string; id: string } } = {}) => takeSnapshot(server.database.db, {
    workspaces: [workspaceId, ...(scope.b ? [workspaceB] : [])],
    global: scope.global,
    record: scope.record && { ...scope.record, workspaceId },
  })

  /** Fails the property with a reproduction (or, collecting, records it and goes on). */
  function verdictOf(exchange: Exchange, problems: string[]): boolean {
    if (problems.length === 0) return true
    const report = `${problems.map((problem) => `✗ ${problem}`).join('\n')}\n${describeExchange(exchange)}`
    if (COLLECT) {
      violations.push(report)
      return true
    }
    throw new Error(report)
  }

  /** Problems common to writes: a refusal must leave everything as it was. */
  function writeProblems(exchange: Exchange, before: Snapshot, after: Snapshot): string[] {
    const changes = snapshotChanges(before, after)
    return exchange.response.status >= 400 && changes.length > 0 ? [`refused with ${exchange.response.status} but wrote: ${changes.join('; ')}`] : []
  }

  /**
   * Problems of the refusal: input built to be invalid must get a 4xx, and a 400 VALIDATION_FAILED
   * may only name fields that were refused or odd (`suspects`), never one that was valid.
   */
  function refusalProblems(exchange: Exchange, verdict: Verdict, suspects?: (field: string) => boolean): string[] {
    const { status } = exchange.response
    if (status >= 500) return []
    if (verdict === 'invalid' && !isClientError(status)) return [`invalid input accepted with ${status}`]
    if (!suspects || status !== 400 || errorCode(exchange) !== 'VALIDATION_FAILED') return []
    const blamed = namedFields(exchange).filter((field) => !suspects(field))
    return blamed.length > 0 ? [`names fields that were not at fault: ${JSON.stringify(blamed)}`] : []
  }

  const suspectKeys = (body: Body) => (field: string) => body.suspects.some((key) => field === key.slice(0, 200))

  beforeAll(async () => {
    started = Date.now()
    errors = new ServerErrors()
    server = await startTestServer(engine)
    const a = await server.newWorkspace('Fuzz A')
    const b = await server.newWorkspace('Fuzz B')
    workspaceId = a.workspaceId
    workspaceB = b.workspaceId
    const emailOf = async (id: string) => (await server.database.db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email as string
    admin = new WireClient(server.baseUrl, errors, await signInCookie(server.baseUrl, await emailOf(a.adminId), PASSWORD, a.slug))
    adminB = new WireClient(server.baseUrl, errors, await signInCookie(server.baseUrl, await emailOf(b.adminId), PASSWORD, b.slug))
    anonymous = new WireClient(server.baseUrl, errors)
    authUser = { email: await emailOf(a.adminId), slug: a.slug }
    const api: ApiClient = a.admin

    // A custom object with a field of every kind, and custom fields on a standard object.
    const project = await api.post('/api/metadata/objects', {
      name: 'projects', label: { en: 'Project', 'zh-CN': '项目' },
      fields: [
        { name: 'budget', type: 'currency' },
        { name: 'score', type: 'number', scale: 2, min: 0, max: 100 },
        { name: 'kickoff', type: 'date' },
        { name: 'due', type: 'datetime' },
        { name: 'phase', type: 'single_select', options: ['plan', 'build', 'ship'] },
        { name: 'tags', type: 'multi_select', options: ['red', 'green'] },
        { name: 'account', type: 'relation', target: 'accounts' },
        { name: 'members', type: 'relation', target: 'contacts', relationKind: 'many_to_many' },
        { name: 'lead_user', type: 'user' },
        { name: 'active', type: 'boolean' },
        { name: 'stars', type: 'rating' },
        { name: 'site', type: 'address' },
        { name: 'doc', type: 'file' },
        { name: 'seq', type: 'auto_number' },
        { name: 'contact_email', type: 'email' },
        { name: 'notes', type: 'long_text' },
        { name: 'code', type: 'text', maxLength: 20, required: true },
      ],
    })
    if (project.status !== 201) throw new Error(`setup: custom object → ${project.status} ${JSON.stringify(project.body)}`)
    for (const field of [{ name: 'credit_limit', type: 'currency' }, { name: 'region', type: 'single_select', options: ['east', 'north', 'south'] }, { name: 'vip_since', type: 'date' }]) {
      const response = await api.post('/api/metadata/objects/accounts/fields', field)
      if (response.status !== 201) throw new Error(`setup: custom field → ${response.status} ${JSON.stringify(response.body)}`)
    }

    const account = await created(api.post('/api/v1/accounts', { name: '上海星辰科技有限公司', industry: 'internet', credit_limit: { amount: '5000.00', currency: 'CNY' } }), 'account')
    const deletedAccount = await created(api.post('/api/v1/accounts', { name: 'Deleted Ltd' }), 'account')
    const contact = await created(api.post('/api/v1/contacts', { name: '张伟', account_id: account, email: 'zhang.wei@example.cn', phone: '13912345678' }), 'contact')
    const deletedContact = await created(api.post('/api/v1/contacts', { name: 'Gone' }), 'contact')
    const lead = await created(api.post('/api/v1/leads', { name: '王芳', company: '杭州云帆' }), 'lead')
    const opportunity = await created(api.post('/api/v1/opportunities', { name: 'ERP 升级', stage: 'proposal', account_id: account, amount: { amount: '120000.00', currency: 'CNY' } }), 'opportunity')
    const activity = await created(api.post('/api/v1/activities', { type: 'call', subject: '首次拜访', account_id: account }), 'activity')
    const team = await created(api.post('/api/v1/teams', { name: '华东销售' }), 'team')
    const user = await created(api.post('/api/v1/users', { name: '李娜', email: 'li.na@example.cn', role: 'rep', team_id: team, password: PASSWORD }), 'user')
    const projectId = await created(api.post('/api/v1/projects', { name: '官网改版', code: 'P-1', account, members: [contact] }), 'project')
    for (const [object, id] of [['accounts', deletedAccount], ['contacts', deletedContact]]) {
      const removed = await api.delete(`/api/v1/${object}/${id}`)
      if (removed.status !== 200) throw new Error(`setup: delete → ${removed.status}`)
    }
    const foreignAccount = await created(b.admin.post('/api/v1/accounts', { name: 'Other workspace' }), 'foreign account')
    const foreignContact = await created(b.admin.post('/api/v1/contacts', { name: 'Other contact' }), 'foreign contact')

    Object.assign(targets, { accounts: account, contacts: contact, opportunities: opportunity, activities: activity, users: user, leads: lead, projects: projectId })
    const objects: Record<string, ObjectMeta> = {}
    for (const name of FUZZED_OBJECTS) {
      const described = await api.get(`/api/metadata/objects/${name}`)
      if (described.status !== 200) throw new Error(`setup: metadata of ${name} → ${described.status}`)
      objects[name] = described.body
    }
    world = {
      objects,
      live: { accounts: [account], contacts: [contact], leads: [lead], opportunities: [opportunity], activities: [activity], teams: [team], users: [a.adminId, user], projects: [projectId] },
      deleted: [deletedAccount, deletedContact],
      foreign: [foreignAccount, foreignContact, b.adminId],
    }
  }, 180_000)

  afterAll(async () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const sent = (admin?.sent ?? 0) + (adminB?.sent ?? 0) + (anonymous?.sent ?? 0)
    console.log(`[malformed-input] ${engine}: ${TOTAL_RUNS} generated requests planned (numRuns), ${sent} requests sent in total (with shrinking and setup), ${seconds}s`)
    errors?.close()
    await server?.close()
  })

  it(`plans at least 1,000 generated requests (${TOTAL_RUNS})`, () => {
    expect(TOTAL_RUNS).toBeGreaterThanOrEqual(1000)
  })

  const assertProperty = async <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => Promise<boolean>) => {
    await fc.assert(fc.asyncProperty(fc.limitShrink(arbitrary, 150), predicate), { numRuns, ...(SEED !== undefined && { seed: SEED }) })
  }

  it('POST /api/v1/{object}: malformed bodies are refused naming the field, and write nothing', async () => {
    // Idempotency-Key: fresh, reused (replayed or refused as a mismatch), empty or too long.
    const idempotencyKey = sometimes(fc.oneof(
      hex(8).map((key) => ({ key: `k-${key}`, verdict: 'valid' as Verdict })),
      fc.constantFrom('reused-1', 'reused-2', 'clé-é').map((key) => ({ key, verdict: 'unknown' as Verdict })),
      fc.constantFrom('', 'x'.repeat(201)).map((key) => ({ key, verdict: 'invalid' as Verdict })),
    ), 0.15)
    const cases = fc.oneof(...FUZZED_OBJECTS.map((object) => fc.record({ object: fc.constant(object), body: recordBody(meta(object), world, 'create'), idempotency: idempotencyKey, language })))
    await assertProperty(cases, NUM_RUNS.create, async ({ object, body, idempotency, language }) => {
      const before = await snapshot()
      const exchange = await admin.send({
        method: 'POST', path: `/api/v1/${object}`, body: body.json, contentType: json, language,
        ...(idempotency && { headers: { 'idempotency-key': idempotency.key } }),
      })
      const after = await snapshot()
      const verdict: Verdict = idempotency?.verdict === 'invalid' ? 'invalid' : body.verdict
      const suspects = (field: string) => suspectKeys(body)(field) || (idempotency !== null && field === 'Idempotency-Key')
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, verdict, suspects)]
      const replayed = idempotency !== null && idempotency.verdict !== 'valid'
      if (exchange.response.status === 201 && !replayed && rowCount(after, tableOf(object)) !== rowCount(before, tableOf(object)) + 1) {
        problems.push(`201 but ${tableOf(object)} went from ${rowCount(before, tableOf(object))} to ${rowCount(after, tableOf(object))} rows`)
      }
      return verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  const badIds = fc.oneof(
    absentUuid.map((id) => ({ id, kind: 'absent' })),
    fc.constantFrom(...MALFORMED_IDS).map((id) => ({ id: encode(id), kind: 'malformed' })),
    fc.constant(null).map(() => ({ id: world.foreign[0], kind: 'foreign' })),
    fc.constant(null).map(() => ({ id: world.deleted[0], kind: 'deleted' })),
  )
  const badIfMatch = fc.constantFrom('"0"', 'W/"999999"', 'abc', '"-1"', '"1.5"', '*', '"9999999999"', '', '1,2')

  it('PATCH /api/v1/{object}/{id}: malformed bodies, ids and If-Match are refused, and the version does not move', async () => {
    const cases = fc.oneof(...FUZZED_OBJECTS.map((object) => fc.record({
      object: fc.constant(object),
      body: recordBody(meta(object), world, 'update'),
      id: sometimes(badIds, 0.15),
      ifMatch: sometimes(badIfMatch, 0.1),
      language,
    })))
    await assertProperty(cases, NUM_RUNS.update, async ({ object, body, id, ifMatch, language }) => {
      const target = targets[object]
      const before = await snapshot({ record: { table: tableOf(object), id: target } })
      const exchange = await admin.send({
        method: 'PATCH', path: `/api/v1/${object}/${id?.id ?? target}`, body: body.json, contentType: json, language,
        ...(ifMatch !== null && { headers: { 'if-match': ifMatch } }),
      })
      const after = await snapshot({ record: { table: tableOf(object), id: target } })
      const verdict: Verdict = id || ifMatch !== null ? 'invalid' : body.verdict
      const suspects = (field: string) => suspectKeys(body)(field) || field === 'If-Match'
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, verdict, suspects)]
      if (exchange.response.status >= 400 && after['record.version'] !== before['record.version']) problems.push(`refused but the record's version moved ${before['record.version']} → ${after['record.version']}`)
      return verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it('POST /api/v1/{object}/bulk: one bad record and the whole batch writes nothing', async () => {
    const withId = (body: Body, id: string) => `{${JSON.stringify('id')}:${JSON.stringify(id)}${body.json === '{}' ? '' : `,${body.json.slice(1, -1)}`}}`
    const cases = fc.oneof(...FUZZED_OBJECTS.flatMap((object) => (['create', 'update'] as const).map((badIn) => fc.record({
      object: fc.constant(object),
      good: fc.array(validBody(meta(object), world, 'create'), { minLength: 0, maxLength: 3 }),
      updates: fc.array(validBody(meta(object), world, 'update'), { maxLength: 2 }),
      badIn: fc.constant(badIn),
      bad: badRecordBody(meta(object), world, badIn),
      position: fc.nat(),
      language,
    }))))
    await assertProperty(cases, NUM_RUNS.bulk, async ({ object, good, bad, updates, badIn, position, language }) => {
      const creates = good.map((body) => body.json)
      const patches = updates.map((body) => withId(body, targets[object]))
      const list = badIn === 'create' ? creates : patches
      const index = position % (list.length + 1)
      list.splice(index, 0, badIn === 'create' ? bad.json : withId(bad, targets[object]))
      const payload = `{"create":[${creates.join(',')}],"update":[${patches.join(',')}]}`
      const before = await snapshot()
      const exchange = await admin.send({ method: 'POST', path: `/api/v1/${object}/bulk`, body: payload, contentType: json, language })
      const after = await snapshot()
      const prefix = `${badIn}[${index}].`
      const named = (field: string) => field.startsWith(prefix)
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, 'invalid', named)]
      return verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it('non-JSON bodies, wrong content types, empty bodies and arrays are refused and write nothing', async () => {
    const deep = (open: string, close: string, depth: number, middle = '1') => `${open.repeat(depth)}${middle}${close.repeat(depth)}`
    const raw = (body: string | Uint8Array | undefined, contentType: string | undefined, verdict: Verdict) => ({ body, contentType, verdict })
    const bodies = fc.constantFrom(
      raw('not json', json, 'invalid'), raw('{', json, 'invalid'), raw('{"name":', json, 'invalid'), raw('{"name":"x",}', json, 'invalid'),
      raw("{'name':'x'}", json, 'invalid'), raw('', json, 'invalid'), raw(undefined, json, 'invalid'), raw('[]', json, 'invalid'),
      raw('[{"name":"x"}]', json, 'invalid'), raw('null', json, 'invalid'), raw('true', json, 'invalid'), raw('1', json, 'invalid'),
      raw('"name"', json, 'invalid'), raw('{"__proto__":{"admin":true}}', json, 'invalid'), raw('{"constructor":{"prototype":{"admin":true}}}', json, 'invalid'),
      raw(deep('[', ']', 5000, ''), json, 'invalid'), raw(deep('{"a":', '}', 3000), json, 'invalid'), raw('{"name":"x","name":1}', json, 'invalid'),
      raw('{"name":"x"}', 'text/plain', 'invalid'), raw('<name>x</name>', 'application/xml', 'invalid'), raw('name=x', 'application/x-www-form-urlencoded', 'invalid'),
      raw('--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--', 'multipart/form-data; boundary=x', 'invalid'),
      raw('{"name":"x"}', 'application/vnd.api+json', 'invalid'), raw(Buffer.from('{"name":"x"}', 'utf16le'), json, 'invalid'),
      raw(`{"name":"${'x'.repeat(5 * 1024 * 1024 + 10)}"}`, json, 'invalid'), raw('{"name":"x"}', 'application/json; charset=utf-16', 'unknown'),
      raw('{"name":"x"}', 'APPLICATION/JSON', 'unknown'), raw('\ufeff{"name":"x"}', json, 'unknown'), raw('{"name":"x"}', undefined, 'unknown'),
      raw(new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]), json, 'unknown'),
      raw('{"name":1e400,"employees":-0,"rating":1.0}', json, 'invalid'), raw('{"name":"x"}', '', 'unknown'), raw('{"name":"x"}', 'application/json; charset=latin1', 'unknown'),
    )
    const endpoints = fc.oneof(
      fc.constantFrom(...FUZZED_OBJECTS).map((object) => ({ method: 'POST' as const, path: () => `/api/v1/${object}`, as: 'admin' })),
      fc.constantFrom(...FUZZED_OBJECTS).map((object) => ({ method: 'PATCH' as const, path: () => `/api/v1/${object}/${targets[object]}`, as: 'admin' })),
      fc.constantFrom(...FUZZED_OBJECTS).map((object) => ({ method: 'POST' as const, path: () => `/api/v1/${object}/bulk`, as: 'admin' })),
      fc.constantFrom('/api/auth/sign-in', '/api/auth/sign-up').map((path) => ({ method: 'POST' as const, path: () => path, as: 'anonymous' })),
      fc.constantFrom('/api/metadata/objects', '/api/metadata/objects/accounts/fields').map((path) => ({ method: 'POST' as const, path: () => path, as: 'adminB' })),
      fc.constant({ method: 'POST' as const, path: () => '/api/auth/api-keys', as: 'admin' }),
    )
    await assertProperty(fc.record({ endpoint: endpoints, raw: bodies, language }), NUM_RUNS.rawBodies, async ({ endpoint, raw, language }) => {
      const snapshots = () => snapshot({ b: true, global: true })
      const client = endpoint.as === 'admin' ? admin : endpoint.as === 'adminB' ? adminB : anonymous
      const before = await snapshots()
      const exchange = await client.send({ method: endpoint.method, path: endpoint.path(), body: raw.body, contentType: raw.contentType, language })
      const after = await snapshots()
      const problems = [
        ...responseProblems(exchange),
        ...writeProblems(exchange, before, after),
        ...refusalProblems(exchange, raw.verdict),
      ]
      return verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it('GET /api/v1/{object} with random query strings: never a 5xx, refusals name the parameter', async () => {
    const queries = Object.fromEntries(Object.keys(world.objects).map((object) => [object, listQuery(meta(object))]))
    const cases = fc.oneof(...[...FUZZED_OBJECTS, 'teams', 'products'].map((object) => fc.record({
      object: fc.constant(object),
      query: queries[object] ?? queries.accounts,
      language,
    })))
    await assertProperty(cases, NUM_RUNS.list, async ({ object, query, language }) => {
      const exchange = await admin.send({ method: 'GET', path: `/api/v1/${object}?${query.query}`, language })
      // Queries of another object's fields are refused too (unknown fields), but not predictably.
      const verdict = object in world.objects ? query.verdict : 'unknown'
      const names = (field: string) => query.suspects.some((name) => field === name || field.startsWith(`${name}.`))
      return verdictOf(exchange, [...responseProblems(exchange), ...refusalProblems(exchange, verdict, object in world.objects ? names : undefined)])
    })
  }, PROPERTY_TIMEOUT)

  it('GET /api/v1/search with random unicode, emoji, lone surrogates and very long text', async () => {
    const q = fc.oneof(
      { weight: 6, arbitrary: searchText.map(({ raw, length }) => ({ pair: `q=${raw}`, verdict: (length > 200 ? 'invalid' : 'unknown') as Verdict })) },
      { weight: 1, arbitrary: fc.constantFrom({ pair: '', verdict: 'invalid' as Verdict }, { pair: 'q[]=a', verdict: 'invalid' as Verdict }, { pair: 'q[a]=b', verdict: 'invalid' as Verdict }) },
    )
    const limit = fc.oneof(
      fc.integer({ min: 0, max: 99 }).map((n) => ({ pair: `limit=${n}`, verdict: 'valid' as Verdict })),
      fc.constantFrom('100', '-1', 'abc', '', '1e1', '5.5', '٣').map((text) => ({ pair: `limit=${encode(text)}`, verdict: 'invalid' as Verdict })),
      fc.constant({ pair: 'limit[]=5', verdict: 'invalid' as Verdict }),
    )
    const objects = fc.oneof(
      fc.subarray(['accounts', 'contacts', 'users', 'projects', 'nonexistent', '', '客户'], { minLength: 1 }).map((names) => ({ pair: `objects=${names.map(encode).join(',')}`, verdict: 'valid' as Verdict })),
      fc.constant({ pair: 'objects[]=accounts', verdict: 'invalid' as Verdict }),
    )
    await assertProperty(fc.record({ q, limit: sometimes(limit, 0.3), objects: sometimes(objects, 0.3), language }), NUM_RUNS.search, async ({ q, limit, objects, language }) => {
      const parts = [q, limit, objects].filter((item): item is { pair: string; verdict: Verdict } => item !== null)
      const verdict: Verdict = parts.some((item) => item.verdict === 'invalid') ? 'invalid' : 'unknown'
      const exchange = await admin.send({ method: 'GET', path: `/api/v1/search?${parts.map((item) => item.pair).filter(Boolean).join('&')}`, language })
      return verdictOf(exchange, [...responseProblems(exchange), ...refusalProblems(exchange, verdict, (field) => ['q', 'limit', 'objects'].includes(field))])
    })
  }, PROPERTY_TIMEOUT)

  it('random ids (read, timeline, delete, restore, API keys), unknown objects, undecodable or over-long URLs, bad credentials', async () => {
    const unknownObject = fc.oneof(
      fc.constantFrom('nonexistent', 'Accounts', 'account', '客户', 'constructor', '__proto__', 'toString', 'custom_records', 'bulk', 'metadata', 'x'.repeat(500), 'ACCOUNTS', 'accounts ').map(encode),
      fc.constantFrom('%00', '%E4%B8%AD', '%ED%A0%80', '%FF'),
      anyString.filter((text) => text.trim() !== '' && !/[/?#\\.%]/.test(text)).map(encode),
    )
    const liveObject = fc.constantFrom(...FUZZED_OBJECTS)
    const before = fc.oneof(
      fc.constantFrom('2026-01-01T00:00:00Z', 'junk', '0', '-010000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '1969-12-31T23:59:59.999Z', '9999-12-31', '0001-01-01', 'Tue, 01 Jan 4714 BC'),
      anyString,
    ).map(encode)
    type Case = { request: Omit<WireRequest, 'language'>; verdict: Verdict; as?: string }
    const cases: fc.Arbitrary<Case> = fc.oneof(
      // Reading a record by id: only a live id is found.
      fc.tuple(liveObject, badIds).map(([object, { id }]): Case => ({ request: { method: 'GET', path: `/api/v1/${object}/${id}` }, verdict: 'invalid' })),
      liveObject.map((object): Case => ({ request: { method: 'GET', path: `/api/v1/${object}/${targets[object].toUpperCase()}` }, verdict: 'valid' })),
      // Timelines: odd ids, limits and cut-off dates.
      fc.tuple(liveObject, sometimes(badIds, 0.4), sometimes(before, 0.7), sometimes(fc.constantFrom('0', '-1', '201', 'abc', '1e3', '999', '').map(encode), 0.4)).map(([object, id, cutoff, limit]): Case => ({
        request: { method: 'GET', path: `/api/v1/${object}/${id?.id ?? targets[object]}/timeline?${cutoff !== null ? `before=${cutoff}` : ''}${limit !== null ? `&limit=${limit}` : ''}` },
        verdict: id ? 'invalid' : 'unknown',
      })),
      // Deleting what is not there, or with a stale or malformed If-Match.
      fc.tuple(liveObject, badIds).map(([object, { id }]): Case => ({ request: { method: 'DELETE', path: `/api/v1/${object}/${id}` }, verdict: 'invalid' })),
      fc.tuple(liveObject, badIfMatch).map(([object, ifMatch]): Case => ({ request: { method: 'DELETE', path: `/api/v1/${object}/${targets[object]}`, headers: { 'if-match': ifMatch } }, verdict: 'invalid' })),
      // Restoring what is not in the recycle bin, or with a stale or malformed If-Match.
      fc.tuple(liveObject, fc.oneof(badIds.filter((id) => id.kind !== 'deleted'), fc.constant(null).map(() => ({ id: '', kind: 'live' })))).map(([object, { id }]): Case => ({ request: { method: 'POST', path: `/api/v1/${object}/${id || targets[object]}/restore`, body: '{}', contentType: json }, verdict: 'invalid' })),
      fc.tuple(fc.constantFrom('accounts', 'contacts'), badIfMatch).map(([object, ifMatch]): Case => ({ request: { method: 'POST', path: `/api/v1/${object}/${world.deleted[object === 'accounts' ? 0 : 1]}/restore`, headers: { 'if-match': ifMatch } }, verdict: 'invalid' })),
      // Unknown objects on every route.
      fc.tuple(unknownObject, fc.constantFrom('list', 'get', 'create', 'update', 'delete', 'restore', 'timeline', 'bulk', 'metadata'), absentUuid).map(([object, route, id]): Case => {
        const requests: Record<string, Omit<WireRequest, 'language'>> = {
          list: { method: 'GET', path: `/api/v1/${object}?limit=5` },
          get: { method: 'GET', path: `/api/v1/${object}/${id}` },
          create: { method: 'POST', path: `/api/v1/${object}`, body: '{"name":"x"}', contentType: json },
          update: { method: 'PATCH', path: `/api/v1/${object}/${id}`, body: '{"name":"x"}', contentType: json },
          delete: { method: 'DELETE', path: `/api/v1/${object}/${id}` },
          restore: { method: 'POST', path: `/api/v1/${object}/${id}/restore` },
          timeline: { method: 'GET', path: `/api/v1/${object}/${id}/timeline` },
          bulk: { method: 'POST', path: `/api/v1/${object}/bulk`, body: '{"create":[{"name":"x"}]}', contentType: json },
          metadata: { method: 'GET', path: `/api/metadata/objects/${object}` },
        }
        return { request: requests[route], verdict: 'invalid' }
      }),
      // Revoking API keys that do not exist.
      fc.oneof(absentUuid, fc.constantFrom(...MALFORMED_IDS).map(encode)).map((id): Case => ({ request: { method: 'DELETE', path: `/api/auth/api-keys/${id}` }, verdict: 'invalid' })),
      // Paths and query strings that do not decode, or are too long to read.
      fc.constantFrom('/api/v1/accounts/%E0%A4%A', '/api/v1/%', '/api/v1/accounts/%zz/timeline', '/api/metadata/objects/%C0%AF').map((path): Case => ({ request: { method: 'GET', path }, verdict: 'invalid' })),
      fc.constantFrom(20_000, 70_000).map((length): Case => ({ request: { method: 'GET', path: `/api/v1/accounts?q=${'a'.repeat(length)}` }, verdict: 'invalid' })),
      // Bad credentials.
      fc.tuple(fc.constantFrom('rapport_session=junk', `rapport_session=${'00000000-0000-4000-8000-000000000000'}.secret`, 'rapport_session=', 'rapport_session=%00'), fc.constantFrom('GET', 'POST')).map(([cookie, method]): Case => ({
        request: method === 'GET' ? { method: 'GET', path: '/api/v1/accounts', headers: { cookie } } : { method: 'POST', path: '/api/v1/accounts', body: '{"name":"x"}', contentType: json, headers: { cookie } },
        verdict: 'invalid', as: 'anonymous',
      })),
      fc.constantFrom('Bearer junk', 'Bearer rk_00000000-0000-4000-8000-000000000000.x', 'Bearer ', 'Basic abc', 'Bearer rk_').map((authorization): Case => ({
        request: { method: 'GET', path: '/api/v1/accounts', headers: { authorization } }, verdict: 'invalid', as: 'anonymous',
      })),
    )
    await assertProperty(fc.record({ item: cases, language }), NUM_RUNS.ids, async ({ item, language }) => {
      const before = await snapshot()
      const exchange = await (item.as === 'anonymous' ? anonymous : admin).send({ ...item.request, language })
      const after = await snapshot()
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, item.verdict)]
      return verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it('sign-in, sign-up, sign-out and API keys with malformed bodies', async () => {
    const text = (max: number) => fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(1, null, true, { a: 1 }, ['x']).map((value) => ({ value, verdict: 'invalid' as Verdict })) },
      { weight: 1, arbitrary: fc.constant({ value: 'x'.repeat(max + 1), verdict: 'invalid' as Verdict }) },
      { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...UNSTORABLE_STRINGS), anyString).map((value) => ({ value, verdict: 'unknown' as Verdict })) },
    )
    const field = (key: string, good: fc.Arbitrary<string>, max: number) => sometimes(
      fc.tuple(good, text(max)).map(([value, odd]): Entry => (odd ? { key, ...odd } : { key, value, verdict: 'valid' })),
      0.9,
    )
    const email = fc.oneof(fc.constant(null).map(() => authUser.email), fc.tuple(hex(4), fc.constantFrom('example.com', 'qq.com')).map(([tag, domain]) => `new.${tag}@${domain}`), fc.constantFrom('not-an-email', 'a@b', ''))
    const password = fc.constantFrom(PASSWORD, 'wrong password', 'short', '')
    const signIn = fc.tuple(field('email', email, 254), field('password', password, 200), sometimes(field('workspace', fc.oneof(fc.constant(null).map(() => authUser.slug), fc.constantFrom('nope', '')), 100), 0.4))
      .map((entries) => ({ path: '/api/auth/sign-in', entries: entries.filter((entry): entry is Entry => entry !== null), kind: 'sign-in' }))
    const signUp = fc.tuple(field('workspace', fc.constantFrom('新公司', 'Acme', ''), 100), field('name', fc.constantFrom('赵敏', 'Ann', ''), 100), field('email', email, 254), field('password', password, 200), sometimes(fc.constant<Entry>({ key: 'role', value: 'admin', verdict: 'unknown' }), 0.1))
      .map((entries) => ({ path: '/api/auth/sign-up', entries: entries.filter((entry): entry is Entry => entry !== null), kind: 'sign-up' }))
    const apiKey = sometimes(fc.oneof(
      fc.constantFrom('CI key', '钥匙').map((value): Entry => ({ key: 'name', value, verdict: 'valid' })),
      fc.constantFrom<unknown>('', 'x'.repeat(101), 1, null, ['k']).map((value): Entry => ({ key: 'name', value, verdict: 'invalid' })),
      anyString.map((value): Entry => ({ key: 'name', value, verdict: 'unknown' })),
    ), 0.9).map((entry) => ({ path: '/api/auth/api-keys', entries: entry ? [entry] : [], kind: 'api-key' }))
    const signOut = fc.constantFrom('rapport_session=junk', 'rapport_session=00000000-0000-4000-8000-000000000000.x', 'rapport_session=%00').map((cookie) => ({ path: '/api/auth/sign-out', entries: [] as Entry[], kind: 'sign-out', cookie }))
    const cases = fc.oneof({ weight: 4, arbitrary: signIn }, { weight: 4, arbitrary: signUp }, { weight: 1, arbitrary: apiKey }, { weight: 1, arbitrary: signOut })
    await assertProperty(fc.record({ item: cases, language }), NUM_RUNS.auth, async ({ item, language }) => {
      const verdicts = item.entries.map((entry) => entry.verdict)
      const has = (key: string) => item.entries.some((entry) => entry.key === key)
      const value = (key: string) => item.entries.find((entry) => entry.key === key)?.value
      const required = item.kind === 'sign-in' ? ['email', 'password'] : item.kind === 'sign-up' ? ['workspace', 'name', 'email', 'password'] : item.kind === 'api-key' ? ['name'] : []
      if (required.some((key) => !has(key))) verdicts.push('invalid')
      if (item.kind === 'sign-up' && typeof value('email') === 'string' && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(String(value('email')).trim())) verdicts.push('invalid')
      if (item.kind === 'sign-up' && ['short', '', 'x'].includes(String(value('password')))) verdicts.push('invalid')
      if ((item.kind === 'sign-up' && (value('workspace') === '' || value('name') === '')) || (item.kind === 'api-key' && value('name') === '')) verdicts.push('invalid')
      if (item.kind === 'sign-in' && (value('email') !== authUser.email || value('password') !== PASSWORD || (value('workspace') !== undefined && value('workspace') !== '' && value('workspace') !== authUser.slug))) verdicts.push('invalid')
      const verdict: Verdict = verdicts.includes('invalid') ? 'invalid' : verdicts.includes('unknown') ? 'unknown' : 'valid'
      const client = item.kind === 'api-key' ? admin : anonymous
      const snapshots = () => snapshot({ global: true })
      const before = await snapshots()
      const exchange = await client.send({
        method: 'POST', path: item.path, body: item.kind === 'sign-out' ? undefined : serialize(item.entries), contentType: item.kind === 'sign-out' ? undefined : json, language,
        ...('cookie' in item && { headers: { cookie: item.cookie } }),
      })
      const after = await snapshots()
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, verdict)]
      return verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it('custom objects and fields: malformed declarations are refused and change no metadata', async () => {
    const invalid = <T>(values: T[]) => fc.constantFrom(...values).map((value) => ({ value: value as unknown, verdict: 'invalid' as Verdict }))
    const valid = <T>(arbitrary: fc.Arbitrary<T>) => arbitrary.map((value) => ({ value: value as unknown, verdict: 'valid' as Verdict }))
    const uncertain = <T>(arbitrary: fc.Arbitrary<T>) => arbitrary.map((value) => ({ value: value as unknown, verdict: 'unknown' as Verdict }))
    const name = fc.oneof(
      { weight: 2, arbitrary: valid(hex(3).map((tag) => `f_${tag}`)) },
      { weight: 3, arbitrary: invalid(['Bad Name', '1abc', '', 'x'.repeat(41), 'a-b', '字段', 123, null, 'id', 'version', 'custom', 'password', 'name', 'email', '_x']) },
    )
    const objectName = fc.oneof(
      { weight: 2, arbitrary: valid(hex(3).map((tag) => `o_${tag}`)) },
      { weight: 3, arbitrary: invalid(['Bad Name', '1abc', '', 'x'.repeat(41), 'a-b', '对象', 123, null, 'search', 'metadata', 'bulk', 'auth', 'custom', 'events', 'jobs', 'accounts', 'users', '_x']) },
    )
    const type = fc.oneof(
      { weight: 3, arbitrary: valid(fc.constantFrom('text', 'number', 'currency', 'date', 'boolean', 'email', 'rating', 'long_text')) },
      { weight: 1, arbitrary: uncertain(fc.constantFrom('single_select', 'multi_select', 'relation')) },
      { weight: 2, arbitrary: invalid(['string', '', 'TEXT', 1, null, ['text'], 'auto number']) },
    )
    const extras = fc.array(fc.oneof(
      invalid([{ key: 'label', value: 1 }, { key: 'label', value: { fr: 'x' } }, { key: 'label', value: 'x'.repeat(101) }, { key: 'label', value: '   ' }, { key: 'required', value: 'true' }, { key: 'searchable', value: 1 }, { key: 'maxLength', value: 0.5 }, { key: 'maxLength', value: '5' }, { key: 'scale', value: 7 }, { key: 'min', value: 1e16 }, { key: 'max', value: 'NaN' }, { key: 'nonsense', value: 1 }, { key: 'readOnly', value: true }])
        .map(({ value }) => ({ ...(value as { key: string; value: unknown }), verdict: 'invalid' as Verdict })),
      uncertain(fc.constantFrom({ key: 'options', value: ['a', 'b'] }, { key: 'options', value: [] }, { key: 'options', value: ['a', 'a'] }, { key: 'options', value: [null, 1, { value: '' }] }, { key: 'options', value: Array.from({ length: 201 }, (_, i) => `o${i}`) }, { key: 'target', value: 'accounts' }, { key: 'target', value: 'nope' }, { key: 'label', value: { en: 'Label', 'zh-CN': '标签' } }, { key: 'label', value: 'a\u0000b' }, { key: 'options', value: ['a\u0000'] }, { key: 'required', value: false }, { key: 'maxLength', value: 50 }, { key: 'relationKind', value: 'one_to_one' }))
        .map(({ value }) => ({ ...(value as { key: string; value: unknown }), verdict: 'unknown' as Verdict })),
    ), { maxLength: 3 })
    const mixedDeclaration = fc.tuple(sometimes(name, 0.9), sometimes(type, 0.9), extras).map(([n, t, more]) => {
      const entries: Entry[] = [...(n ? [{ key: 'name', ...n }] : []), ...(t ? [{ key: 'type', ...t }] : []), ...more]
      const unique = entries.filter((entry, index) => entries.findIndex((other) => other.key === entry.key) === index)
      const verdicts = unique.map((entry) => entry.verdict)
      if (!n || !t) verdicts.push('invalid')
      return { json: serialize(unique), verdict: (verdicts.includes('invalid') ? 'invalid' : 'unknown') as Verdict }
    })
    // A sound declaration with one odd label or option, so that it reaches the database.
    const oddLabel = fc.constantFrom<unknown>(...UNSTORABLE_STRINGS, { en: 'a\u0000', 'zh-CN': '标签' }, { en: 'Label', 'zh-CN': '\udfff' })
    const oddDeclaration = fc.tuple(hex(3), fc.oneof(
      fc.tuple(fc.constantFrom('text', 'number', 'date', 'boolean'), oddLabel).map(([type, label]) => ({ type, label })),
      fc.tuple(fc.constantFrom('single_select', 'multi_select'), fc.constantFrom<unknown>(['a\u0000'], ['\ud800'], [{ value: 'a', label: '\u0000' }], ['ok', { value: 'b', label: { en: 'x\udbff' } }])).map(([type, options]) => ({ type, options })),
    )).map(([tag, rest]) => ({ json: JSON.stringify({ name: `f_${tag}`, ...rest }), verdict: 'unknown' as Verdict }))
    const declaration = fc.oneof({ weight: 3, arbitrary: mixedDeclaration }, { weight: 1, arbitrary: oddDeclaration })
    const cases = fc.oneof(
      fc.tuple(fc.constantFrom('accounts', 'contacts', 'nonexistent', '客户'), declaration).map(([object, field]) => ({ path: `/api/metadata/objects/${encode(object)}/fields`, body: field.json, verdict: ['accounts', 'contacts'].includes(object) ? field.verdict : ('invalid' as Verdict) })),
      fc.tuple(objectName, fc.array(declaration, { maxLength: 2 }), sometimes(fc.oneof(
        invalid([{ singular: 'Bad Singular' }, { label: 1 }, { fields: 'x' }, { fields: {} }, { extra: true }]),
        uncertain(fc.constantFrom({ label: 'a\u0000b' }, { pluralLabel: { en: 'x\ud800' } }, { label: { en: 'Thing', 'zh-CN': '东西' } })),
      ), 0.4)).map(([n, fields, junk]) => {
        const entries: Entry[] = [{ key: 'name', ...n }, ...Object.entries((junk?.value ?? {}) as Record<string, unknown>).map(([key, value]): Entry => ({ key, value, verdict: junk!.verdict }))]
        const body = `${serialize(entries).slice(0, -1)}${entries.some((entry) => entry.key === 'fields') ? '' : `,"fields":[${fields.map((field) => field.json).join(',')}]`}}`
        const verdict: Verdict = n.verdict === 'invalid' || junk?.verdict === 'invalid' || fields.some((field) => field.verdict === 'invalid') ? 'invalid' : 'unknown'
        return { path: '/api/metadata/objects', body, verdict }
      }),
    )
    await assertProperty(fc.record({ item: cases, language }), NUM_RUNS.metadata, async ({ item, language }) => {
      const before = await snapshot({ b: true })
      const exchange = await adminB.send({ method: 'POST', path: item.path, body: item.body, contentType: json, language })
      const after = await snapshot({ b: true })
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, item.verdict)]
      return verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it.runIf(COLLECT)('collected no violations', () => {
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
    expect(violations.length, `${distinct.size} distinct violations:\n\n${summary}`).toBe(0)
  })
})
