import type { ApiClient } from '../../server/src/test-support/test-server.ts'

/** Creates a record through the HTTP API (the data a UI test starts from) and returns it. */
export async function seedRecord(api: ApiClient, object: string, values: Record<string, unknown>): Promise<Record<string, any> & { id: string }> {
  const response = await api.post(`/api/v1/${object}`, values)
  if (response.status !== 201) throw new Error(`seeding ${object} failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body
}

/** The records of an object matching a filter, e.g. { email: { eq: 'a@b.cn' } }. */
export async function findRecords(api: ApiClient, object: string, filter: Record<string, Record<string, string>>): Promise<Array<Record<string, any>>> {
  const query = Object.entries(filter).flatMap(([field, ops]) => Object.entries(ops).map(([op, value]) => `filter[${field}][${op}]=${encodeURIComponent(value)}`)).join('&')
  const response = await api.get(`/api/v1/${object}?${query}`)
  if (response.status !== 200) throw new Error(`listing ${object} failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.data
}
