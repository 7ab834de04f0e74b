import type { Actor } from '../access/actor.ts'
import { DEFAULT_ROLES } from '../access/roles.ts'
import type { Db } from '../db/database.ts'
import { loadCatalog } from '../metadata/object-catalog.ts'
import { createRecords } from '../records/write-pipeline.ts'
import { generateDemoDataset, type DemoDataset, type DemoRecord } from './demo-dataset.ts'
import { spreadDemoHistory } from './demo-history.ts'
import { seedLeadToCashDemo } from './lead-to-cash-demo.ts'
import { seedQuoteDemo } from './quotes-demo.ts'

const ORDER: Array<keyof DemoDataset> = ['teams', 'users', 'accounts', 'contacts', 'leads', 'opportunities', 'products', 'activities']
const BATCH = 500

/**
 * Writes the demo dataset through the normal write pipeline (validation, search index, events),
 * acting as the administrator; demo users sign in with the administrator's password.
 */
export async function seedDemoData(db: Db, workspaceId: string, adminId: string, options: { password: string; seed?: number }): Promise<Record<string, number>> {
  const dataset = generateDemoDataset({ seed: options.seed ?? 20261122 })
  const actor: Actor = { workspaceId, userId: adminId, role: 'admin', teamId: null, permissions: DEFAULT_ROLES[0].permissions, locale: 'zh-CN' }
  const catalog = await loadCatalog(db, workspaceId)
  const ctx = { db, actor, catalog }
  const ids = new Map<string, string>()
  const counts: Record<string, number> = {}
  // The demo's administrator is the real one created with the workspace.
  const demoAdmin = dataset.users.find((user) => user.values.role === 'admin')
  if (demoAdmin) ids.set(demoAdmin.key, adminId)

  const resolve = (record: DemoRecord) => {
    const values: Record<string, unknown> = { ...record.values }
    for (const [field, key] of Object.entries(record.links ?? {})) values[field] = ids.get(key) ?? null
    if (record.owner) values.owner_id = ids.get(record.owner) ?? adminId
    return values
  }

  for (const objectName of ORDER) {
    const object = catalog.get(objectName)
    let records = dataset[objectName]
    if (objectName === 'users') records = records.filter((user) => user !== demoAdmin)
    // Teams point at managers that do not exist yet: link them once users are in.
    const deferred = objectName === 'teams' ? ['manager_id'] : []
    for (let start = 0; start < records.length; start += BATCH) {
      const batch = records.slice(start, start + BATCH)
      const inputs = batch.map((record) => {
        const values = resolve(record)
        for (const name of deferred) delete values[name]
        if (objectName === 'users') values.password = options.password
        return values
      })
      const created = await createRecords(ctx, object, inputs, { bulk: true })
      batch.forEach((record, index) => ids.set(record.key, created[index].id))
    }
    counts[objectName] = records.length + (objectName === 'users' && demoAdmin ? 1 : 0)
  }
  Object.assign(counts, await seedQuoteDemo(ctx, ids))
  Object.assign(counts, await seedLeadToCashDemo(ctx, ids))
  await spreadDemoHistory(db, workspaceId)
  return counts
}
