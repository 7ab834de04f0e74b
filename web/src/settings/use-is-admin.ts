import { useSession } from '../auth/use-session.ts'

/** Metadata changes (fields, objects) are the administrator's: the server answers 403 to anyone else. */
export function useIsAdmin(): boolean {
  return useSession().data?.role === 'admin'
}
