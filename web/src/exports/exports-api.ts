import { listQueryString, type Filter } from '../api/records.ts'
import { ApiError } from '../api/client.ts'
import { currentLanguage } from '../i18n/i18n.ts'

export type ExportFormat = 'csv' | 'xlsx' | 'vcf' | 'ics'

/** Formats offered for an object: every list as CSV and Excel, contacts as vCards, activities as a calendar. */
export function exportFormats(object: string): ExportFormat[] {
  return ['csv', 'xlsx', ...(object === 'contacts' ? (['vcf'] as const) : []), ...(object === 'activities' ? (['ics'] as const) : [])]
}

/** The download address of a list view: its filter, sort, search and columns, in the app's language. */
export function exportUrl(object: string, format: ExportFormat, view: { filter: Filter; sort?: string; q: string; columns: string[] }): string {
  const query = listQueryString({ filter: view.filter, sort: view.sort, q: view.q.trim() || undefined, fields: format === 'csv' || format === 'xlsx' ? view.columns : undefined })
  const extra = new URLSearchParams({ format, lang: currentLanguage() }).toString()
  return `/api/v1/${encodeURIComponent(object)}/export?${[query, extra].filter(Boolean).join('&')}`
}

export interface CardResult {
  index: number
  name: string
  status: 'created' | 'failed'
  error?: { fields: { field: string; message: string }[] }
}

/** Sends a .vcf file's text; the server answers per card. */
export async function importVcards(text: string): Promise<{ created: number; failed: number; results: CardResult[] }> {
  const response = await fetch('/api/v1/contacts/vcard', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/vcard', accept: 'application/json', 'accept-language': currentLanguage() },
    body: text,
  })
  const body = await response.json()
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? 'INTERNAL', body?.error?.message ?? response.statusText, body?.error?.fields ?? [])
  return body
}
