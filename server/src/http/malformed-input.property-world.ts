import type { ApiClient, ApiResponse } from '../test-support/test-server.ts'
import type { ObjectMeta, World } from './malformed-input.property-model.ts'

/**
 * The records the malformed-input suite fuzzes against: a custom object with a field of every
 * kind, custom fields on a standard object, live, deleted and foreign records of every object.
 */

export const FUZZED_OBJECTS = ['accounts', 'contacts', 'opportunities', 'activities', 'users', 'leads', 'projects'] as const
const TABLE_OF: Record<string, string> = { projects: 'custom_records' }
export const tableOf = (object: string) => TABLE_OF[object] ?? object
/** The password of every user the suite creates, workspace administrators included. */
export const PASSWORD = 'correct horse battery'

/** The fuzzed workspace, with the record each object's updates aim at. */
export interface SeededWorld {
  world: World
  targets: Record<string, string>
}

/** A workspace as `TestServer.newWorkspace` creates it. */
interface SeedWorkspace {
  admin: ApiClient
  adminId: string
}

async function created(response: Promise<ApiResponse<{ id: string }>>, what: string): Promise<string> {
  const { status, body } = await response
  if (status !== 201) throw new Error(`setup: ${what} → ${status} ${JSON.stringify(body)}`)
  return body.id
}

/** Fills workspace `a` (the fuzzed one) and gives workspace `b` the records `a` must not reach. */
export async function seedWorld(a: SeedWorkspace, b: SeedWorkspace): Promise<SeededWorld> {
  const api = a.admin
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

  const objects: Record<string, ObjectMeta> = {}
  for (const name of FUZZED_OBJECTS) {
    const described = await api.get(`/api/metadata/objects/${name}`)
    if (described.status !== 200) throw new Error(`setup: metadata of ${name} → ${described.status}`)
    objects[name] = described.body
  }
  return {
    targets: { accounts: account, contacts: contact, opportunities: opportunity, activities: activity, users: user, leads: lead, projects: projectId },
    world: {
      objects,
      live: { accounts: [account], contacts: [contact], leads: [lead], opportunities: [opportunity], activities: [activity], teams: [team], users: [a.adminId, user], projects: [projectId] },
      deleted: [deletedAccount, deletedContact],
      foreign: [foreignAccount, foreignContact, b.adminId],
    },
  }
}
