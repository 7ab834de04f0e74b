import { describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { useServerWithWorkspace } from '../test-support/test-server.ts'

interface Entry { kind: string; type?: string; changes?: Record<string, { before: unknown; after: unknown }> | null; related?: { object: string; id: string; title: string | null } }

describe.each(testEngines)('what happens to related records on a record\'s timeline on %s', (engine) => {
  const env = useServerWithWorkspace(engine)

  it('shows deals and contacts of an account being created and moving stage, not their other edits, and only what the caller may read', async () => {
    const account = (await env.admin.post('/api/v1/accounts', { name: '苏州工业园区华信科技' })).body
    const deal = (await env.admin.post('/api/v1/opportunities', { name: '华信 ERP 二期', stage: 'initial_contact', account_id: account.id })).body
    expect((await env.admin.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'needs_analysis' })).status).toBe(200)
    expect((await env.admin.patch(`/api/v1/opportunities/${deal.id}`, { next_step: '约见 CIO' })).status).toBe(200)
    const contact = (await env.admin.post('/api/v1/contacts', { name: '周敏', account_id: account.id })).body
    const elsewhere = (await env.admin.post('/api/v1/accounts', { name: '别家公司' })).body
    await env.admin.post('/api/v1/opportunities', { name: '别家的商机', stage: 'initial_contact', account_id: elsewhere.id })

    const entries: Entry[] = (await env.admin.get(`/api/v1/accounts/${account.id}/timeline`)).body.data
    const related = entries.filter((entry) => entry.related)
    expect(related.map((entry) => [entry.related!.object, entry.related!.title, entry.type])).toEqual([
      ['contacts', '周敏', 'created'],
      ['opportunities', '华信 ERP 二期', 'updated'],
      ['opportunities', '华信 ERP 二期', 'created'],
    ])
    expect(related[1].changes).toEqual({ stage: { before: 'initial_contact', after: 'needs_analysis' } })
    expect(related[2]).toMatchObject({ related: { id: deal.id }, changes: null })
    expect(related[0].related!.id).toBe(contact.id)
    // The account's own history is still there.
    expect(entries.some((entry) => !entry.related && entry.type === 'created')).toBe(true)

    // A rep who may read only their own deals sees the account's timeline without the admin's deal.
    const team = (await env.admin.post('/api/v1/teams', { name: '华东' })).body
    await env.admin.post('/api/v1/users', { name: '李雷', email: 'related-rep@acme.cn', role: 'rep', team_id: team.id, password: 'a long enough password' })
    const rep = await env.server.signIn('related-rep@acme.cn', 'a long enough password')
    const shared = (await rep.post('/api/v1/accounts', { name: '李雷的客户' })).body
    const own = (await rep.post('/api/v1/opportunities', { name: '李雷的商机', stage: 'initial_contact', account_id: shared.id })).body
    await env.admin.post('/api/v1/opportunities', { name: '管理员的商机', stage: 'initial_contact', account_id: shared.id })
    const repView: Entry[] = (await rep.get(`/api/v1/accounts/${shared.id}/timeline`)).body.data
    expect(repView.filter((entry) => entry.related).map((entry) => entry.related!.id)).toEqual([own.id])
  })
})
