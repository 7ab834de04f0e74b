import type { Label } from '../metadata/object-definition.ts'

export type RecordScope = 'own' | 'team' | 'all'
export type ObjectAction = 'create' | 'read' | 'update' | 'delete' | 'export'

export interface ObjectPermission {
  create: boolean
  read: boolean
  update: boolean
  delete: boolean
  export: boolean
  /** Which records of an owned object the role reaches. */
  scope: RecordScope
}

/** Per object name, with `*` as the default for objects not listed (custom objects included). */
export type RolePermissions = Record<string, ObjectPermission>

export interface RoleDefinition {
  key: string
  label: Label
  permissions: RolePermissions
}

const full = (scope: RecordScope): ObjectPermission => ({ create: true, read: true, update: true, delete: true, export: true, scope })
const readOnly: ObjectPermission = { create: false, read: true, update: false, delete: false, export: false, scope: 'all' }

/** Pipelines and stages are set up by administrators; managers set their teams' quotas (migration 011 adds these to existing roles). */
export const SALES_SETUP_MANAGER: RolePermissions = { pipelines: readOnly, pipeline_stages: readOnly, quotas: full('all') }
export const SALES_SETUP_REP: RolePermissions = { pipelines: readOnly, pipeline_stages: readOnly, quotas: readOnly }
/** Price books are kept by managers and read by reps, like products (migration 009 adds these to existing roles). */
export const PRICING_MANAGER: RolePermissions = { price_books: full('all'), price_book_entries: full('all') }
export const PRICING_REP: RolePermissions = { price_books: readOnly, price_book_entries: readOnly }

/** The roles a new workspace starts with; stored as data so an administrator can change them. */
export const DEFAULT_ROLES: RoleDefinition[] = [
  { key: 'admin', label: { en: 'Administrator', 'zh-CN': '管理员' }, permissions: { '*': full('all') } },
  {
    key: 'manager',
    label: { en: 'Sales manager', 'zh-CN': '销售经理' },
    permissions: { '*': full('team'), products: full('all'), users: readOnly, teams: readOnly, views: full('own'), ...SALES_SETUP_MANAGER, ...PRICING_MANAGER },
  },
  {
    key: 'rep',
    label: { en: 'Sales rep', 'zh-CN': '销售代表' },
    permissions: {
      '*': { create: true, read: true, update: true, delete: true, export: false, scope: 'own' },
      products: readOnly,
      users: readOnly,
      teams: readOnly,
      ...SALES_SETUP_REP,
      ...PRICING_REP,
    },
  },
]
