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

/** The roles a new workspace starts with; stored as data so an administrator can change them. */
export const DEFAULT_ROLES: RoleDefinition[] = [
  { key: 'admin', label: { en: 'Administrator', 'zh-CN': '管理员' }, permissions: { '*': full('all') } },
  {
    key: 'manager',
    label: { en: 'Sales manager', 'zh-CN': '销售经理' },
    permissions: { '*': full('team'), products: full('all'), users: readOnly, teams: readOnly, views: full('own') },
  },
  {
    key: 'rep',
    label: { en: 'Sales rep', 'zh-CN': '销售代表' },
    permissions: {
      '*': { create: true, read: true, update: true, delete: true, export: false, scope: 'own' },
      products: readOnly,
      users: readOnly,
      teams: readOnly,
    },
  },
]
