import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { badRecordBody, recordBody, serialize, validBody, type Body } from './malformed-input.property-bodies.ts'
import { responseProblems, rowCount } from './malformed-input.property-harness.ts'
import { sometimes, type Entry, type Verdict } from './malformed-input.property-model.ts'
import {
  assertProperty, COLLECT, json, language, NUM_RUNS, PROPERTY_TIMEOUT, refusalProblems, suspectKeys, TOTAL_RUNS, useMalformedInputSuite, violationSummary, writeProblems,
} from './malformed-input.property-suite.ts'
import { anyString, badIds, badIfMatch, encode, hex, UNSTORABLE_STRINGS } from './malformed-input.property-text.ts'
import { FUZZED_OBJECTS, PASSWORD, tableOf } from './malformed-input.property-world.ts'

/**
 * "A property-based suite sends at least 1,000 malformed bodies and query strings across the
 * endpoints: no 5xx, and nothing is written for a 4xx." — the writes: creates, updates, bulk
 * batches, raw bodies, auth and metadata. The reads are in malformed-input.property-reads.test.ts.
 *
 * Every generated request must get a status below 500; a 4xx must have the error shape
 * `{ error: { code, message, fields: [{ field, code, message }] } }` in the request's language,
 * name a field when it is a 400 VALIDATION_FAILED, and leave the workspace exactly as it was.
 * Requests built to be invalid must be refused (a 4xx), naming the offending field.
 */

describe.each(testEngines)('malformed input (writes) on %s', (engine) => {
  const suite = useMalformedInputSuite(engine, 'writes')

  it(`plans at least 1,000 generated requests across both files (${TOTAL_RUNS})`, () => {
    expect(TOTAL_RUNS).toBeGreaterThanOrEqual(1000)
  })

  it('POST /api/v1/{object}: malformed bodies are refused naming the field, and write nothing', async () => {
    // Idempotency-Key: fresh, reused (replayed or refused as a mismatch), empty or too long.
    const idempotencyKey = sometimes(fc.oneof(
      hex(8).map((key) => ({ key: `k-${key}`, verdict: 'valid' as Verdict })),
      fc.constantFrom('reused-1', 'reused-2', 'clé-é').map((key) => ({ key, verdict: 'unknown' as Verdict })),
      fc.constantFrom('', 'x'.repeat(201)).map((key) => ({ key, verdict: 'invalid' as Verdict })),
    ), 0.15)
    const cases = fc.oneof(...FUZZED_OBJECTS.map((object) => fc.record({ object: fc.constant(object), body: recordBody(suite.meta(object), suite.world, 'create'), idempotency: idempotencyKey, language })))
    await assertProperty(cases, NUM_RUNS.writes.create, async ({ object, body, idempotency, language }) => {
      const before = await suite.snapshot()
      const exchange = await suite.admin.send({
        method: 'POST', path: `/api/v1/${object}`, body: body.json, contentType: json, language,
        ...(idempotency && { headers: { 'idempotency-key': idempotency.key } }),
      })
      const after = await suite.snapshot()
      const verdict: Verdict = idempotency?.verdict === 'invalid' ? 'invalid' : body.verdict
      const suspects = (field: string) => suspectKeys(body)(field) || (idempotency !== null && field === 'Idempotency-Key')
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, verdict, suspects)]
      const replayed = idempotency !== null && idempotency.verdict !== 'valid'
      if (exchange.response.status === 201 && !replayed && rowCount(after, tableOf(object)) !== rowCount(before, tableOf(object)) + 1) {
        problems.push(`201 but ${tableOf(object)} went from ${rowCount(before, tableOf(object))} to ${rowCount(after, tableOf(object))} rows`)
      }
      return suite.verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it('PATCH /api/v1/{object}/{id}: malformed bodies, ids and If-Match are refused, and the version does not move', async () => {
    const cases = fc.oneof(...FUZZED_OBJECTS.map((object) => fc.record({
      object: fc.constant(object),
      body: recordBody(suite.meta(object), suite.world, 'update'),
      id: sometimes(badIds(suite.world), 0.15),
      ifMatch: sometimes(badIfMatch, 0.1),
      language,
    })))
    await assertProperty(cases, NUM_RUNS.writes.update, async ({ object, body, id, ifMatch, language }) => {
      const target = suite.targets[object]
      const before = await suite.snapshot({ record: { table: tableOf(object), id: target } })
      const exchange = await suite.admin.send({
        method: 'PATCH', path: `/api/v1/${object}/${id?.id ?? target}`, body: body.json, contentType: json, language,
        ...(ifMatch !== null && { headers: { 'if-match': ifMatch } }),
      })
      const after = await suite.snapshot({ record: { table: tableOf(object), id: target } })
      const verdict: Verdict = id || ifMatch !== null ? 'invalid' : body.verdict
      const suspects = (field: string) => suspectKeys(body)(field) || field === 'If-Match'
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, verdict, suspects)]
      if (exchange.response.status >= 400 && after['record.version'] !== before['record.version']) problems.push(`refused but the record's version moved ${before['record.version']} → ${after['record.version']}`)
      return suite.verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it('POST /api/v1/{object}/bulk: one bad record and the whole batch writes nothing', async () => {
    const withId = (body: Body, id: string) => `{${JSON.stringify('id')}:${JSON.stringify(id)}${body.json === '{}' ? '' : `,${body.json.slice(1, -1)}`}}`
    const cases = fc.oneof(...FUZZED_OBJECTS.flatMap((object) => (['create', 'update'] as const).map((badIn) => fc.record({
      object: fc.constant(object),
      good: fc.array(validBody(suite.meta(object), suite.world, 'create'), { minLength: 0, maxLength: 3 }),
      updates: fc.array(validBody(suite.meta(object), suite.world, 'update'), { maxLength: 2 }),
      badIn: fc.constant(badIn),
      bad: badRecordBody(suite.meta(object), suite.world, badIn),
      position: fc.nat(),
      language,
    }))))
    await assertProperty(cases, NUM_RUNS.writes.bulk, async ({ object, good, bad, updates, badIn, position, language }) => {
      const creates = good.map((body) => body.json)
      const patches = updates.map((body) => withId(body, suite.targets[object]))
      const list = badIn === 'create' ? creates : patches
      const index = position % (list.length + 1)
      list.splice(index, 0, badIn === 'create' ? bad.json : withId(bad, suite.targets[object]))
      const payload = `{"create":[${creates.join(',')}],"update":[${patches.join(',')}]}`
      const before = await suite.snapshot()
      const exchange = await suite.admin.send({ method: 'POST', path: `/api/v1/${object}/bulk`, body: payload, contentType: json, language })
      const after = await suite.snapshot()
      const prefix = `${badIn}[${index}].`
      const named = (field: string) => field.startsWith(prefix)
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, 'invalid', named)]
      return suite.verdictOf(exchange, problems)
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
      fc.constantFrom(...FUZZED_OBJECTS).map((object) => ({ method: 'PATCH' as const, path: () => `/api/v1/${object}/${suite.targets[object]}`, as: 'admin' })),
      fc.constantFrom(...FUZZED_OBJECTS).map((object) => ({ method: 'POST' as const, path: () => `/api/v1/${object}/bulk`, as: 'admin' })),
      fc.constantFrom('/api/auth/sign-in', '/api/auth/sign-up').map((path) => ({ method: 'POST' as const, path: () => path, as: 'anonymous' })),
      fc.constantFrom('/api/metadata/objects', '/api/metadata/objects/accounts/fields').map((path) => ({ method: 'POST' as const, path: () => path, as: 'adminB' })),
      fc.constant({ method: 'POST' as const, path: () => '/api/auth/api-keys', as: 'admin' }),
    )
    await assertProperty(fc.record({ endpoint: endpoints, raw: bodies, language }), NUM_RUNS.writes.rawBodies, async ({ endpoint, raw, language }) => {
      const snapshots = () => suite.snapshot({ b: true, global: true })
      const client = endpoint.as === 'admin' ? suite.admin : endpoint.as === 'adminB' ? suite.adminB : suite.anonymous
      const before = await snapshots()
      const exchange = await client.send({ method: endpoint.method, path: endpoint.path(), body: raw.body, contentType: raw.contentType, language })
      const after = await snapshots()
      const problems = [
        ...responseProblems(exchange),
        ...writeProblems(exchange, before, after),
        ...refusalProblems(exchange, raw.verdict),
      ]
      return suite.verdictOf(exchange, problems)
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
    const email = fc.oneof(fc.constant(null).map(() => suite.authUser.email), fc.tuple(hex(4), fc.constantFrom('example.com', 'qq.com')).map(([tag, domain]) => `new.${tag}@${domain}`), fc.constantFrom('not-an-email', 'a@b', ''))
    const password = fc.constantFrom(PASSWORD, 'wrong password', 'short', '')
    const signIn = fc.tuple(field('email', email, 254), field('password', password, 200), sometimes(field('workspace', fc.oneof(fc.constant(null).map(() => suite.authUser.slug), fc.constantFrom('nope', '')), 100), 0.4))
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
    // Accounts the run's own sign-ups opened (an email may open one in another workspace too): a sign-in without a workspace may find them.
    const signedUp = new Set<string>()
    const account = (email: unknown, password: unknown) => JSON.stringify([email, password])
    await assertProperty(fc.record({ item: cases, language }), NUM_RUNS.writes.auth, async ({ item, language }) => {
      const verdicts = item.entries.map((entry) => entry.verdict)
      const has = (key: string) => item.entries.some((entry) => entry.key === key)
      const value = (key: string) => item.entries.find((entry) => entry.key === key)?.value
      const required = item.kind === 'sign-in' ? ['email', 'password'] : item.kind === 'sign-up' ? ['workspace', 'name', 'email', 'password'] : item.kind === 'api-key' ? ['name'] : []
      if (required.some((key) => !has(key))) verdicts.push('invalid')
      if (item.kind === 'sign-up' && typeof value('email') === 'string' && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(String(value('email')).trim())) verdicts.push('invalid')
      if (item.kind === 'sign-up' && ['short', '', 'x'].includes(String(value('password')))) verdicts.push('invalid')
      if ((item.kind === 'sign-up' && (value('workspace') === '' || value('name') === '')) || (item.kind === 'api-key' && value('name') === '')) verdicts.push('invalid')
      const noWorkspace = value('workspace') === undefined || value('workspace') === ''
      const authUserSignIn = value('email') === suite.authUser.email && value('password') === PASSWORD && (noWorkspace || value('workspace') === suite.authUser.slug)
      if (item.kind === 'sign-in' && !authUserSignIn && !(noWorkspace && signedUp.has(account(value('email'), value('password'))))) verdicts.push('invalid')
      const verdict: Verdict = verdicts.includes('invalid') ? 'invalid' : verdicts.includes('unknown') ? 'unknown' : 'valid'
      const client = item.kind === 'api-key' ? suite.admin : suite.anonymous
      const snapshots = () => suite.snapshot({ global: true })
      const before = await snapshots()
      const exchange = await client.send({
        method: 'POST', path: item.path, body: item.kind === 'sign-out' ? undefined : serialize(item.entries), contentType: item.kind === 'sign-out' ? undefined : json, language,
        ...('cookie' in item && { headers: { cookie: item.cookie } }),
      })
      const after = await snapshots()
      if (item.kind === 'sign-up' && exchange.response.status === 201) signedUp.add(account(value('email'), value('password')))
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, verdict)]
      return suite.verdictOf(exchange, problems)
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
    await assertProperty(fc.record({ item: cases, language }), NUM_RUNS.writes.metadata, async ({ item, language }) => {
      const before = await suite.snapshot({ b: true })
      const exchange = await suite.adminB.send({ method: 'POST', path: item.path, body: item.body, contentType: json, language })
      const after = await suite.snapshot({ b: true })
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, item.verdict)]
      return suite.verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it.runIf(COLLECT)('collected no violations', () => {
    expect(suite.violations.length, violationSummary(suite.violations)).toBe(0)
  })
})
