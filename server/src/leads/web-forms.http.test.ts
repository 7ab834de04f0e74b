import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { testEngines } from '../test-support/test-database.ts'
import { startTestServer, type ApiClient, type TestServer } from '../test-support/test-server.ts'

const PASSWORD = 'a long enough password'

describe.each(testEngines)('web forms on %s', (engine) => {
  let now = new Date('2026-05-04T09:00:00Z')
  let server: TestServer
  let admin: ApiClient, rep: ApiClient, visitor: ApiClient
  let repId: string, tagId: string
  let form: { id: string; token: string; name: string }

  const submit = (body: unknown, headers: Record<string, string> = {}, client = visitor) => client.post(`/api/public/forms/${form.token}`, body, headers)
  const leadsOfForm = async (id = form.id) => (await admin.get(`/api/v1/leads?filter[web_form_id][eq]=${id}&limit=50`)).body.data

  beforeAll(async () => {
    server = await startTestServer(engine, { now: () => now })
    ;({ admin } = await server.newWorkspace('表单测试'))
    const created = await admin.post('/api/v1/users', { name: '李雷', email: 'form-rep@acme.cn', role: 'rep', password: PASSWORD })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    repId = created.body.id
    rep = await server.signIn('form-rep@acme.cn', PASSWORD)
    tagId = (await admin.post('/api/v1/tags', { name: '官网咨询' })).body.id
    visitor = server.anonymous().withLanguage('zh-CN,zh;q=0.9')
    const saved = await admin.post('/api/v1/web_forms', {
      name: '官网咨询表单', fields: ['company', 'email', 'phone', 'industry'], required_fields: ['email'],
      require_consent: true, consent_text: '我同意贵公司使用以上信息联系我。', success_message: '谢谢，我们会在一个工作日内联系您。',
      default_owner_id: repId, default_tags: [tagId],
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    form = saved.body
  })
  afterAll(async () => server?.close())
  // Every test starts in a fresh rate-limit window: all test requests come from one address.
  beforeEach(() => {
    now = new Date(now.getTime() + 5 * 60_000)
  })

  it('gives a new form a public token and its defaults, and keeps forms to administrators', async () => {
    expect(form).toMatchObject({ active: true, default_source: 'web_form', fields: ['name', 'company', 'email', 'phone', 'industry'] })
    expect(form.token).toMatch(/^[0-9a-f-]{36}\.[\w-]{16}$/)
    expect((await rep.post('/api/v1/web_forms', { name: '私自建的表单' })).status).toBe(403)
    expect((await rep.patch(`/api/v1/web_forms/${form.id}`, { active: false })).status).toBe(403)
    const bad = await admin.post('/api/v1/web_forms', { name: '坏表单', fields: ['email'], required_fields: ['phone'], require_consent: true, allowed_origins: 'not a site' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['required_fields', 'not_on_form'], ['consent_text', 'required'], ['allowed_origins', 'invalid_origin'],
    ])
    expect((await admin.patch(`/api/v1/web_forms/${form.id}`, { token: 'mine' })).status).toBe(400)
  })

  it('serves the embeddable script and the definition in the visitor\'s language', async () => {
    const script = await visitor.get(`/f/${form.token}.js`)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toContain('application/javascript')
    expect(script.body).toContain('"label":"公司名称"')
    expect(script.body).toContain('我同意贵公司使用以上信息联系我。')
    expect(script.body).toContain('/api/public/forms/')
    expect(script.body).not.toContain('</script')
    const definition = await server.anonymous().get(`/api/public/forms/${form.token}`)
    expect(definition.status).toBe(200)
    expect(definition.body.fields.map((f: { name: string; label: string; required: boolean; input: string }) => [f.name, f.label, f.required, f.input])).toEqual([
      ['name', 'Name', true, 'text'], ['company', 'Company', false, 'text'], ['email', 'Email', true, 'email'], ['phone', 'Mobile', false, 'tel'], ['industry', 'Industry', false, 'select'],
    ])
    expect(definition.body.fields[4].options[0]).toEqual({ value: 'manufacturing', label: 'Manufacturing' })
    expect(definition.body.consent).toEqual({ required: true, text: '我同意贵公司使用以上信息联系我。' })
    expect((await visitor.get('/f/nope.js')).status).toBe(404)
    expect((await visitor.get(`/f/${form.token.split('.')[0]}.wrongsecret.js`)).status).toBe(404)
  })

  it('creates a lead from a submission: source, form, default owner and tags, and a note with the consent', async () => {
    const sent = await submit({ name: '王小明', company: '苏州恒信精密机械有限公司', email: 'wang@hengxin.cn', phone: '13812345678', industry: 'manufacturing', consent: true })
    expect(sent.status, JSON.stringify(sent.body)).toBe(201)
    expect(sent.body).toEqual({ message: '谢谢，我们会在一个工作日内联系您。' })
    const [lead] = await leadsOfForm()
    expect(lead).toMatchObject({
      name: '王小明', company: '苏州恒信精密机械有限公司', email: 'wang@hengxin.cn', status: 'new', source: 'web_form',
      source_detail: '官网咨询表单', web_form_id: form.id, owner_id: repId, tags: [tagId], created_by: repId,
    })
    const perForm = await admin.get('/api/v1/leads/aggregate?group_by=web_form_id')
    expect(perForm.body.groups).toContainEqual(expect.objectContaining({ value: form.id, count: 1 }))
    const timeline = await rep.get(`/api/v1/leads/${lead.id}/timeline`)
    const note = timeline.body.data.find((entry: { kind: string }) => entry.kind === 'activity').activity
    expect(note).toMatchObject({ type: 'note', subject: '提交网页表单：官网咨询表单', description: '已同意：我同意贵公司使用以上信息联系我。', owner_id: repId, lead_id: lead.id })
  })

  it('requires consent and names bad fields in the visitor\'s language, storing nothing', async () => {
    const before = (await leadsOfForm()).length
    const refused = await submit({ name: '', email: 'not-an-email', website: 'x' })
    expect(refused.status).toBe(400)
    expect(refused.body.error.fields).toEqual([
      { field: 'website', code: 'unknown_field', message: expect.any(String) },
      { field: 'name', code: 'required', message: '此字段为必填项。' },
      { field: 'consent', code: 'consent_required', message: '请先勾选同意后再提交。' },
    ])
    const email = await submit({ name: '赵六', email: 'not-an-email', consent: true }, { 'accept-language': 'en-GB,en;q=0.8' })
    expect(email.status).toBe(400)
    expect(email.body.error.fields).toEqual([{ field: 'email', code: 'invalid_email', message: 'Not a valid email address.' }])
    const missing = await submit({ name: '赵六', consent: true })
    expect(missing.body.error.fields).toEqual([{ field: 'email', code: 'required', message: '此字段为必填项。' }])
    expect((await submit([1])).status).toBe(400)
    expect((await leadsOfForm()).length).toBe(before)
  })

  it('accepts a filled-in honeypot like a real submission, and stores nothing', async () => {
    const before = (await leadsOfForm()).length
    const trapped = await submit({ name: 'Cheap pills', email: 'bot@spam.example', consent: true, website_url: 'http://spam.example' })
    expect(trapped.status).toBe(201)
    expect(trapped.body.message).toBe('谢谢，我们会在一个工作日内联系您。')
    expect((await leadsOfForm()).length).toBe(before)
  })

  it('limits submissions per address to 10 a minute, with a clear 429', async () => {
    const results: number[] = []
    for (let i = 0; i < 10; i++) results.push((await submit({ name: `访客${i}`, email: `v${i}@example.cn`, consent: true })).status)
    expect(results).toEqual(Array(10).fill(201))
    now = new Date(now.getTime() + 30_000)
    const limited = await submit({ name: '访客11', email: 'v11@example.cn', consent: true })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('30')
    expect(limited.body.error.fields).toEqual([{ field: 'form', code: 'too_many_submissions', message: '提交过于频繁，请 30 秒后再试。' }])
    expect((await leadsOfForm()).some((lead: { name: string }) => lead.name === '访客11')).toBe(false)
    now = new Date(now.getTime() + 31_000)
    expect((await submit({ name: '访客12', email: 'v12@example.cn', consent: true })).status).toBe(201)
  })

  it('answers the embedding site\'s CORS requests, and only for the sites a form allows', async () => {
    const open = await visitor.request('OPTIONS', `/api/public/forms/${form.token}`, undefined, { origin: 'https://www.any-site.cn', 'access-control-request-method': 'POST' })
    expect(open.status).toBe(204)
    expect(open.headers.get('access-control-allow-origin')).toBe('https://www.any-site.cn')
    expect(open.headers.get('access-control-allow-headers')).toContain('content-type')
    const refusedWithCors = await submit({ consent: true }, { origin: 'https://www.any-site.cn' })
    expect(refusedWithCors.status).toBe(400)
    expect(refusedWithCors.headers.get('access-control-allow-origin')).toBe('https://www.any-site.cn')

    const limited = (await admin.post('/api/v1/web_forms', { name: '展会报名', allowed_origins: 'https://www.acme.cn\nhttps://events.acme.cn' })).body
    const post = (origin: string) => visitor.post(`/api/public/forms/${limited.token}`, { name: '参展客户' }, { origin })
    const allowed = await post('https://events.acme.cn')
    expect(allowed.status).toBe(201)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://events.acme.cn')
    const foreign = await post('https://evil.example')
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    expect((await leadsOfForm(limited.id)).map((lead: { name: string; owner_id: string | null }) => lead.name)).toEqual(['参展客户'])
  })

  it('stops answering once a form is switched off or deleted', async () => {
    expect((await admin.patch(`/api/v1/web_forms/${form.id}`, { active: false })).status).toBe(200)
    expect((await submit({ name: '迟到的访客', email: 'late@example.cn', consent: true })).status).toBe(404)
    expect((await visitor.get(`/f/${form.token}.js`)).status).toBe(404)
    expect((await admin.patch(`/api/v1/web_forms/${form.id}`, { active: true })).status).toBe(200)
    expect((await visitor.get(`/f/${form.token}.js`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/web_forms/${form.id}`)).status).toBe(200)
    expect((await server.anonymous().get(`/api/public/forms/${form.token}`)).status).toBe(404)
  })
})
