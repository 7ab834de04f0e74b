import { sql, type RawBuilder } from 'kysely'
import { buildSearchQuery } from './search-document.ts'

/** The tag search keys start with (see migration 003-search-keys): the workspace id's last 6 hex digits. */
export const workspaceSearchTag = (workspaceId: string) => workspaceId.slice(-6)

/**
 * The condition matching records whose search document contains `q`: a lookup of the workspace's
 * keys in the GIN index, then an exact substring recheck. Undefined when `q` has nothing to search.
 */
export function searchCondition(workspaceId: string, q: string): RawBuilder<boolean> | undefined {
  const query = buildSearchQuery(q)
  if (!query) return undefined
  const tag = workspaceSearchTag(workspaceId)
  const keys = query.tokens.map((token) => tag + token)
  return sql<boolean>`search_keys(workspace_id, search_tokens) @> ${keys}::text[] and position(${query.needle} in search_text) > 0`
}
