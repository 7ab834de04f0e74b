import { useQuery } from '@tanstack/react-query'
import { recordsApi } from '../api/records.ts'

/** Every member of the workspace (a workspace has at most a few hundred); under ['records', 'users'], so saves refresh it. */
export function useWorkspaceUsers() {
  return useQuery({ queryKey: ['records', 'users', 'settings'], queryFn: () => recordsApi.list('users', { limit: 200, sort: 'name' }).then((page) => page.data) })
}
