import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { loadActor } from '../server/src/auth/load-actor.ts'
import type { Db } from '../server/src/db/database.ts'
import { loadCatalog } from '../server/src/metadata/object-catalog.ts'
import type { RecordContext } from '../server/src/records/record-context.ts'
import { createRecords } from '../server/src/records/write-pipeline.ts'
import { createWorkspace } from '../server/src/workspaces/create-workspace.ts'

export const PASSWORD = 'bench correct horse battery'
export const ADMIN_EMAIL = 'admin@rapport-bench.cn'

/** The sales reps who own the contacts (with the administrator). */
const REPS = [
  { name: '李娜', email: 'li.na@rapport-bench.cn' },
  { name: '王强', email: 'wang.qiang@rapport-bench.cn' },
  { name: '刘洋', email: 'liu.yang@rapport-bench.cn' },
  { name: '陈静', email: 'chen.jing@rapport-bench.cn' },
  { name: 'Kevin Zhang', email: 'kevin.zhang@rapport-bench.cn' },
]

/** Rows every run has, so each search has a known hit whatever the size. */
export const KNOWN_CONTACTS: Record<string, unknown>[] = [
  { name: '张伟', email: 'zhang.wei@rapport-bench.cn', phone: '13800138000', city: '北京', lifecycle_stage: 'customer', source: 'referral', job_title: '采购经理' },
  { name: '张伟', email: 'zhangwei@huaxin-tech.cn', phone: '13911112222', city: '上海', lifecycle_stage: 'prospect', source: 'web_form' },
  { name: '王芳', email: 'wang.fang@rapport-bench.cn', phone: '13700137000', city: '深圳', lifecycle_stage: 'customer', source: 'trade_show' },
  { name: 'Emily Smith', email: 'emily.smith@rapport-bench.com', phone: '+1 212-555-0100', city: 'New York', lifecycle_stage: 'partner', source: 'partner' },
]

export interface LoadedWorkspace {
  workspaceId: string
  adminId: string
  /** Owners in the order rows were assigned to them: the administrator first, then the reps. */
  ownerIds: string[]
  reps: Array<{ id: string; email: string }>
  ctx: RecordContext
}

/** A workspace with its administrator and a few reps, through the real write pipeline. */
export async function setUpWorkspace(db: Db): Promise<LoadedWorkspace> {
  const { workspaceId, adminId } = await createWorkspace(db, { name: 'Rapport Bench', admin: { name: '管理员', email: ADMIN_EMAIL, password: PASSWORD }, locale: 'zh-CN' })
  const caller = await loadActor(db, workspaceId, adminId, 'zh-CN')
  if (!caller) throw new Error('administrator not found')
  const ctx: RecordContext = { db, actor: caller.actor, catalog: await loadCatalog(db, workspaceId) }
  const created = await createRecords(ctx, ctx.catalog.get('users'), REPS.map((rep) => ({ ...rep, password: PASSWORD, role: 'rep', active: true, locale: 'zh-CN' })))
  const reps = created.map((user, index) => ({ id: user.id as string, email: REPS[index].email }))
  return { workspaceId, adminId, ownerIds: [adminId, ...reps.map((rep) => rep.id)], reps, ctx }
}

/** The contacts table after the load: sizes, and how long ANALYZE took. */
export interface TableStats {
  analyzeSeconds: number
  tableBytes: number
  indexBytes: number
  /** Size of each index of the contacts table. */
  indexes: Record<string, number>
}

/** ANALYZE (so the lists are planned on real statistics), then the contacts table's sizes. */
export async function analyzeContacts(db: Db): Promise<TableStats> {
  const analyzeStart = performance.now()
  await sql`analyze`.execute(db)
  const analyzeSeconds = (performance.now() - analyzeStart) / 1000
  const size = await sql<{ table_bytes: number; index_bytes: number }>`
    select pg_table_size('contacts')::bigint as table_bytes, pg_indexes_size('contacts')::bigint as index_bytes`.execute(db)
  const indexes = await sql<{ name: string; bytes: number }>`
    select indexrelid::regclass::text as name, pg_relation_size(indexrelid)::bigint as bytes
    from pg_index where indrelid = 'contacts'::regclass order by 2 desc`.execute(db)
  return {
    analyzeSeconds,
    tableBytes: Number(size.rows[0].table_bytes),
    indexBytes: Number(size.rows[0].index_bytes),
    indexes: Object.fromEntries(indexes.rows.map((row) => [row.name, Number(row.bytes)])),
  }
}
