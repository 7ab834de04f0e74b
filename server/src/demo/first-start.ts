import { randomBytes } from 'node:crypto'
import type { AppConfig } from '../config.ts'
import type { Db } from '../db/database.ts'
import { createWorkspace } from '../workspaces/create-workspace.ts'
import { seedDemoData } from './seed-demo.ts'

/**
 * On the very first start: a workspace and its administrator (from RAPPORT_ADMIN_EMAIL /
 * RAPPORT_ADMIN_PASSWORD, or a generated password), filled with demo data unless RAPPORT_DEMO=0.
 */
export async function ensureFirstWorkspace(db: Db, config: AppConfig): Promise<void> {
  const existing = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst()
  if (existing) return
  const password = config.adminPassword ?? randomBytes(9).toString('base64url')
  const created = await createWorkspace(db, {
    name: config.demo ? 'Rapport 演示公司' : 'Rapport',
    admin: { name: '管理员', email: config.adminEmail, password },
  })
  if (config.demo) {
    const started = Date.now()
    const counts = await seedDemoData(db, created.workspaceId, created.adminId, { password })
    console.log(`Demo workspace filled in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')}`)
  }
  console.log('')
  console.log('  Sign in to Rapport')
  console.log(`    email:    ${config.adminEmail}`)
  console.log(`    password: ${config.adminPassword ? '(RAPPORT_ADMIN_PASSWORD)' : password}`)
  console.log('')
}
