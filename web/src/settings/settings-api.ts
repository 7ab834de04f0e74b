import { request } from '../api/client.ts'
import type { RoleDefinition } from '../../../server/src/access/roles.ts'
import type { FieldDefinition } from '../../../server/src/metadata/object-definition.ts'

export type { RoleDefinition }

/** Administrator calls of the metadata API: the body is what server/src/metadata/custom-metadata.ts validates. */
export const settingsApi = {
  addField: (object: string, body: Record<string, unknown>) =>
    request<FieldDefinition>(`/api/metadata/objects/${encodeURIComponent(object)}/fields`, { method: 'POST', body }),
  addObject: (body: Record<string, unknown>) => request<{ name: string }>('/api/metadata/objects', { method: 'POST', body }),
  roles: () => request<{ data: RoleDefinition[] }>('/api/metadata/roles').then((response) => response.data),
}

export const rolesKey = ['roles'] as const
