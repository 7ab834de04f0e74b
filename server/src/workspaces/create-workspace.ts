import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../access/actor.ts'
import { DEFAULT_ROLES } from '../access/roles.ts'
import type { Db } from '../db/database.ts'
import type { Locale } from '../i18n/translate.ts'
import { loadCatalog } from '../metadata/object-catalog.ts'
import { createRecords } from '../records/write-pipeline.ts'
import { seedDefaultPipeline } from '../pipelines/default-pipeline.ts'

export interface NewWorkspace {
  name: string
  admin: { name: string; email: string; password: string }
  locale?: Locale
}

function slugOf(name: string): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40)
  return `${base || 'workspace'}-${uuidv7().slice(-8)}`
}

/** A new workspace with its default roles and its first administrator, in one transaction. */
export async function createWorkspace(db: Db, input: NewWorkspace): Promise<{ workspaceId: string; adminId: string; slug: string }> {
  const workspaceId = uuidv7()
  const adminId = uuidv7()
  const slug = slugOf(input.name)
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('workspaces').values({ id: workspaceId, name: input.name, slug }).execute()
    await trx
      .insertInto('roles')
      .values(DEFAULT_ROLES.map((role) => ({ workspace_id: workspaceId, key: role.key, label: JSON.stringify(role.label), permissions: JSON.stringify(role.permissions) })))
      .execute()
    // The administrator creates themself: the same write pipeline as any record, acting as the new admin.
    const actor: Actor = { workspaceId, userId: adminId, role: 'admin', teamId: null, permissions: DEFAULT_ROLES[0].permissions, locale: input.locale ?? 'zh-CN' }
    const catalog = await loadCatalog(trx, workspaceId)
    const users = catalog.get('users')
    const [admin] = await createRecords(
      { db: trx, actor, catalog },
      users,
      [{ name: input.admin.name, email: input.admin.email, password: input.admin.password, role: 'admin', active: true, locale: input.locale ?? 'zh-CN' }],
      { trx, presetIds: [adminId] },
    )
    if (admin.id !== adminId) throw new Error('admin id mismatch')
    await seedDefaultPipeline({ db: trx, actor, catalog }, trx)
  })
  return { workspaceId, adminId, slug }
}
