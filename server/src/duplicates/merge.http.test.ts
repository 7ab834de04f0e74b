import { beforeAll, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace, type ApiClient } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'

describe.each(testEngines)('merge and undo on %s', (engine) => {
  const env = useServerWithWorkspace(engine)
  let rep: ApiClient
  let survivor: Record<string, unknown> & { id: string }
  let merged: Record<string, unknown> & { id: string }
  let contact: string
  let deal: string
  let linkedCall: string
  let genericNote: string
  let partnerDeal: string
  let tagA: string
  let tagB: string
  let mergeId: string

  beforeAll(async () => {
    const { admin } = env
    expect((await admin.post('/api/v1/users', { name: '李雷', email: 'merge-rep@acme.cn', role: 'rep', password: PASSWORD })).status).toBe(201)
    rep = await env.server.signIn('merge-rep@acme.cn', PASSWORD)
    expect((await admin.post('/api/metadata/objects/opportunities/fields', { name: 'partner_account', type: 'relation', target: 'accounts', label: { en: 'Partner', 'zh-CN': '合作方' } })).status).toBe(201)
    tagA = (await admin.post('/api/v1/tags', { name: '重点' })).body.id
    tagB = (await admin.post('/api/v1/tags', { name: '华东' })).body.id
    survivor = (await admin.post('/api/v1/accounts', { name: 'ABC科技有限公司', city: '苏州', tags: [tagA] })).body
    merged = (await admin.post('/api/v1/accounts', { name: 'ＡＢＣ科技', phone: '0512-66889900', city: '上海', tags: [tagB] })).body
    contact = (await admin.post('/api/v1/contacts', { name: '王芳', account_id: merged.id })).body.id
    deal = (await admin.post('/api/v1/opportunities', { name: '一期', stage: 'proposal', account_id: merged.id })).body.id
    partnerDeal = (await admin.post('/api/v1/opportunities', { name: '二期', stage: 'proposal', account_id: survivor.id, partner_account: merged.id })).body.id
    linkedCall = (await admin.post('/api/v1/activities', { type: 'call', subject: '电话', account_id: merged.id, contact_id: contact })).body.id
    genericNote = (await admin.post('/api/v1/activities', { type: 'note', subject: '备注', related_object: 'accounts', related_id: merged.id })).body.id
    expect([contact, deal, partnerDeal, linkedCall, genericNote].every(Boolean)).toBe(true)
  })

  it('finds the pair in the review list', async () => {
    const groups = await env.admin.get('/api/v1/accounts/duplicates')
    expect(groups.body.data).toEqual([expect.objectContaining({ rule: 'name', count: 2 })])
  })

  it('a rep cannot merge records outside their scope', async () => {
    const own = (await rep.post('/api/v1/accounts', { name: 'ABC科技' })).body.id
    const response = await rep.post('/api/v1/accounts/merge', { survivorId: own, mergedIds: [merged.id], values: {} })
    expect(response.status).toBe(404)
    expect(response.body.error.fields[0]).toMatchObject({ field: 'mergedIds[0]' })
    expect((await env.admin.get(`/api/v1/accounts/${merged.id}`)).status).toBe(200)
    expect((await env.admin.get(`/api/v1/contacts/${contact}`)).body.account_id).toBe(merged.id)
    await env.admin.delete(`/api/v1/accounts/${own}`)
  })

  it('refuses bad merge input naming the field, with nothing written', async () => {
    const self = await env.admin.post('/api/v1/accounts/merge', { survivorId: survivor.id, mergedIds: [survivor.id] })
    expect(self.body.error.fields[0]).toMatchObject({ field: 'mergedIds[0]', code: 'duplicate_value' })
    const unknown = await env.admin.post('/api/v1/accounts/merge', { survivorId: survivor.id, mergedIds: [merged.id], values: { nope: 1 } })
    expect(unknown.body.error.fields[0]).toMatchObject({ field: 'values.nope', code: 'unknown_field' })
    const invalid = await env.admin.post('/api/v1/accounts/merge', { survivorId: survivor.id, mergedIds: [merged.id], values: { phone: 'not a phone' } })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error.fields[0]).toMatchObject({ field: 'values.phone', code: 'invalid_phone' })
    expect((await env.admin.get(`/api/v1/accounts/${merged.id}`)).status).toBe(200)
    expect((await env.admin.get(`/api/v1/opportunities/${deal}`)).body.account_id).toBe(merged.id)
  })

  it('merges: chosen values, every related record moved, merged record in the recycle bin', async () => {
    const response = await env.admin.post('/api/v1/accounts/merge', {
      survivorId: survivor.id, mergedIds: [merged.id], values: { phone: merged.id, city: '无锡' },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    mergeId = response.body.id
    expect(response.body.survivor).toMatchObject({ name: 'ABC科技有限公司', phone: '0512-66889900', city: '无锡' })
    expect([...response.body.survivor.tags].sort()).toEqual([tagA, tagB].sort())
    const get = (path: string) => env.admin.get(path).then((r) => r.body)
    expect((await get(`/api/v1/contacts/${contact}`)).account_id).toBe(survivor.id)
    expect((await get(`/api/v1/opportunities/${deal}`)).account_id).toBe(survivor.id)
    expect((await get(`/api/v1/opportunities/${partnerDeal}`)).partner_account).toBe(survivor.id)
    expect((await get(`/api/v1/activities/${linkedCall}`))).toMatchObject({ account_id: survivor.id, contact_id: contact })
    expect((await get(`/api/v1/activities/${genericNote}`)).related_id).toBe(survivor.id)
    expect((await env.admin.get(`/api/v1/accounts/${merged.id}`)).status).toBe(404)
    const bin = await get('/api/v1/accounts?deleted=true')
    expect(bin.data.map((record: { id: string }) => record.id)).toContain(merged.id)
    const timeline = await get(`/api/v1/accounts/${survivor.id}/timeline`)
    expect(timeline.data).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'event', type: 'merged', changes: { merged: { before: null, after: [{ id: merged.id, title: 'ＡＢＣ科技' }] } } }),
      expect.objectContaining({ kind: 'activity', activity: expect.objectContaining({ id: linkedCall }) }),
      expect.objectContaining({ kind: 'activity', activity: expect.objectContaining({ id: genericNote }) }),
      // The merged record's own history comes along.
      expect.objectContaining({ kind: 'event', type: 'created', merged_from: merged.id }),
    ]))
    const audit = await get('/api/v1/audit?action=merge')
    expect(audit.data?.[0]?.details ?? audit).toMatchObject({ merge_id: mergeId, survivor_id: survivor.id })
    const history = await get(`/api/v1/accounts/${survivor.id}/merges`)
    expect(history.data).toEqual([expect.objectContaining({ id: mergeId, merged_ids: [merged.id], moved: 5, undone_at: null })])
    expect((await env.admin.get('/api/v1/accounts/duplicates')).body.data).toEqual([])
  })

  it('undo restores the merged record, its related records and the survivor\'s values', async () => {
    expect((await rep.post(`/api/v1/merges/${mergeId}/undo`)).status).toBe(404)
    const response = await env.admin.post(`/api/v1/merges/${mergeId}/undo`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.undone_at).toEqual(expect.any(String))
    const get = (path: string) => env.admin.get(path).then((r) => r.body)
    expect(await get(`/api/v1/accounts/${merged.id}`)).toMatchObject({ name: 'ＡＢＣ科技', phone: '0512-66889900', city: '上海', tags: [tagB] })
    const back = await get(`/api/v1/accounts/${survivor.id}`)
    expect(back).toMatchObject({ name: 'ABC科技有限公司', phone: null, city: '苏州', tags: [tagA] })
    expect((await get(`/api/v1/contacts/${contact}`)).account_id).toBe(merged.id)
    expect((await get(`/api/v1/opportunities/${deal}`)).account_id).toBe(merged.id)
    expect((await get(`/api/v1/opportunities/${partnerDeal}`))).toMatchObject({ account_id: survivor.id, partner_account: merged.id })
    expect((await get(`/api/v1/activities/${linkedCall}`)).account_id).toBe(merged.id)
    expect((await get(`/api/v1/activities/${genericNote}`)).related_id).toBe(merged.id)
    expect((await env.admin.post(`/api/v1/merges/${mergeId}/undo`)).status).toBe(409)
    const timeline = await get(`/api/v1/accounts/${survivor.id}/timeline`)
    expect(timeline.data).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'event', type: 'merge_undone' })]))
    expect(timeline.data.filter((entry: { merged_from?: string }) => entry.merged_from)).toEqual([])
  })

  it('merges contacts: activities and deals follow the person', async () => {
    const a = (await env.admin.post('/api/v1/contacts', { name: '张伟', email: 'zw@acme.cn', account_id: survivor.id })).body.id
    const b = (await env.admin.post('/api/v1/contacts', { name: 'Zhang Wei', phone: '13800138000', account_id: survivor.id })).body.id
    const c = (await env.admin.post('/api/v1/contacts', { name: '张 伟', account_id: survivor.id })).body.id
    const call = (await env.admin.post('/api/v1/activities', { type: 'call', subject: '回访', contact_id: b })).body.id
    const opp = (await env.admin.post('/api/v1/opportunities', { name: '三期', stage: 'won', contact_id: c })).body.id
    const dupes = await env.admin.post('/api/v1/contacts/duplicates/check', { values: { name: 'zhangwei', account_id: survivor.id } })
    expect(dupes.body.data).toHaveLength(3)
    const response = await env.admin.post('/api/v1/contacts/merge', { survivorId: a, mergedIds: [b, c], values: { phone: b } })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.survivor).toMatchObject({ name: '张伟', email: 'zw@acme.cn', phone: '13800138000' })
    expect((await env.admin.get(`/api/v1/activities/${call}`)).body.contact_id).toBe(a)
    expect((await env.admin.get(`/api/v1/opportunities/${opp}`)).body.contact_id).toBe(a)
  })
})
