import type { Locale } from '../i18n/translate.ts'
import type { RolePermissions } from './roles.ts'

/** Who is calling: every data access is scoped by this. */
export interface Actor {
  workspaceId: string
  userId: string
  role: string
  teamId: string | null
  permissions: RolePermissions
  locale: Locale
}
