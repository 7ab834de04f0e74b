import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { responseProblems, type WireRequest } from './malformed-input.property-harness.ts'
import { sometimes, type Verdict } from './malformed-input.property-model.ts'
import { listQuery, searchText } from './malformed-input.property-queries.ts'
import {
  assertProperty, COLLECT, json, language, NUM_RUNS, PROPERTY_TIMEOUT, refusalProblems, useMalformedInputSuite, violationSummary, writeProblems,
} from './malformed-input.property-suite.ts'
import { absentUuid, anyString, badIds, badIfMatch, encode, MALFORMED_IDS } from './malformed-input.property-text.ts'
import { FUZZED_OBJECTS } from './malformed-input.property-world.ts'

/**
 * "A property-based suite sends at least 1,000 malformed bodies and query strings across the
 * endpoints: no 5xx, and nothing is written for a 4xx." — the reads: list query strings, search,
 * and random ids, unknown objects and URLs. The writes are in malformed-input.property-writes.test.ts,
 * which also checks that both files together plan at least 1,000 generated requests.
 *
 * Every generated request must get a status below 500; a 4xx must have the error shape
 * `{ error: { code, message, fields: [{ field, code, message }] } }` in the request's language
 * and name a field when it is a 400 VALIDATION_FAILED. Requests built to be invalid must be
 * refused (a 4xx), naming the offending parameter; those that could write must write nothing.
 */

describe.each(testEngines)('malformed input (reads) on %s', (engine) => {
  const suite = useMalformedInputSuite(engine, 'reads')

  it('GET /api/v1/{object} with random query strings: never a 5xx, refusals name the parameter', async () => {
    const queries = Object.fromEntries(Object.keys(suite.world.objects).map((object) => [object, listQuery(suite.meta(object))]))
    const cases = fc.oneof(...[...FUZZED_OBJECTS, 'teams', 'products'].map((object) => fc.record({
      object: fc.constant(object),
      query: queries[object] ?? queries.accounts,
      language,
    })))
    await assertProperty(cases, NUM_RUNS.reads.list, async ({ object, query, language }) => {
      const exchange = await suite.admin.send({ method: 'GET', path: `/api/v1/${object}?${query.query}`, language })
      // Queries of another object's fields are refused too (unknown fields), but not predictably.
      const verdict = object in suite.world.objects ? query.verdict : 'unknown'
      const names = (field: string) => query.suspects.some((name) => field === name || field.startsWith(`${name}.`))
      return suite.verdictOf(exchange, [...responseProblems(exchange), ...refusalProblems(exchange, verdict, object in suite.world.objects ? names : undefined)])
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
    await assertProperty(fc.record({ q, limit: sometimes(limit, 0.3), objects: sometimes(objects, 0.3), language }), NUM_RUNS.reads.search, async ({ q, limit, objects, language }) => {
      const parts = [q, limit, objects].filter((item): item is { pair: string; verdict: Verdict } => item !== null)
      const verdict: Verdict = parts.some((item) => item.verdict === 'invalid') ? 'invalid' : 'unknown'
      const exchange = await suite.admin.send({ method: 'GET', path: `/api/v1/search?${parts.map((item) => item.pair).filter(Boolean).join('&')}`, language })
      return suite.verdictOf(exchange, [...responseProblems(exchange), ...refusalProblems(exchange, verdict, (field) => ['q', 'limit', 'objects'].includes(field))])
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
      fc.tuple(liveObject, badIds(suite.world)).map(([object, { id }]): Case => ({ request: { method: 'GET', path: `/api/v1/${object}/${id}` }, verdict: 'invalid' })),
      liveObject.map((object): Case => ({ request: { method: 'GET', path: `/api/v1/${object}/${suite.targets[object].toUpperCase()}` }, verdict: 'valid' })),
      // Timelines: odd ids, limits and cut-off dates.
      fc.tuple(liveObject, sometimes(badIds(suite.world), 0.4), sometimes(before, 0.7), sometimes(fc.constantFrom('0', '-1', '201', 'abc', '1e3', '999', '').map(encode), 0.4)).map(([object, id, cutoff, limit]): Case => ({
        request: { method: 'GET', path: `/api/v1/${object}/${id?.id ?? suite.targets[object]}/timeline?${cutoff !== null ? `before=${cutoff}` : ''}${limit !== null ? `&limit=${limit}` : ''}` },
        verdict: id ? 'invalid' : 'unknown',
      })),
      // Deleting what is not there, or with a stale or malformed If-Match.
      fc.tuple(liveObject, badIds(suite.world)).map(([object, { id }]): Case => ({ request: { method: 'DELETE', path: `/api/v1/${object}/${id}` }, verdict: 'invalid' })),
      fc.tuple(liveObject, badIfMatch).map(([object, ifMatch]): Case => ({ request: { method: 'DELETE', path: `/api/v1/${object}/${suite.targets[object]}`, headers: { 'if-match': ifMatch } }, verdict: 'invalid' })),
      // Restoring what is not in the recycle bin, or with a stale or malformed If-Match.
      fc.tuple(liveObject, fc.oneof(badIds(suite.world).filter((id) => id.kind !== 'deleted'), fc.constant(null).map(() => ({ id: '', kind: 'live' })))).map(([object, { id }]): Case => ({ request: { method: 'POST', path: `/api/v1/${object}/${id || suite.targets[object]}/restore`, body: '{}', contentType: json }, verdict: 'invalid' })),
      fc.tuple(fc.constantFrom('accounts', 'contacts'), badIfMatch).map(([object, ifMatch]): Case => ({ request: { method: 'POST', path: `/api/v1/${object}/${suite.world.deleted[object === 'accounts' ? 0 : 1]}/restore`, headers: { 'if-match': ifMatch } }, verdict: 'invalid' })),
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
    await assertProperty(fc.record({ item: cases, language }), NUM_RUNS.reads.ids, async ({ item, language }) => {
      const before = await suite.snapshot()
      const exchange = await (item.as === 'anonymous' ? suite.anonymous : suite.admin).send({ ...item.request, language })
      const after = await suite.snapshot()
      const problems = [...responseProblems(exchange), ...writeProblems(exchange, before, after), ...refusalProblems(exchange, item.verdict)]
      return suite.verdictOf(exchange, problems)
    })
  }, PROPERTY_TIMEOUT)

  it.runIf(COLLECT)('collected no violations', () => {
    expect(suite.violations.length, violationSummary(suite.violations)).toBe(0)
  })
})
