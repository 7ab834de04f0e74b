/** The answer of GET /api/v1/search, shared with the web client (types only). */

export interface SearchHit {
  id: string
  title: string
  subtitle: string | null
}

export interface SearchGroup {
  object: string
  label: string
  records: SearchHit[]
}
