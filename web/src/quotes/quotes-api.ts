import { request } from '../api/client.ts'
import type { ApiRecord } from '../api/records.ts'
import { currentLanguage } from '../i18n/i18n.ts'

export interface QuoteSettings {
  company_name: string | null
  company_address: string | null
  company_phone: string | null
  default_tax_percent: number
  validity_days: number
  default_terms: string | null
  workspace_name: string
  has_logo: boolean
}

export interface MailSettings {
  smtp_url: string | null
  from: string | null
  configured: boolean
  source: 'workspace' | 'environment' | null
}

export interface QuoteVersion {
  quote_version: number
  status: string
  total: { amount: string; currency: string } | null
  sent_at: string | null
  current: boolean
}

export interface SendInput {
  email: boolean
  to?: string
  cc?: string
  subject?: string
  message?: string
}

const quote = (id: string) => `/api/v1/quotes/${encodeURIComponent(id)}`

/** The PDF's address, in the reader's language (the link is opened by the browser, which sends the cookie). */
export const quotePdfUrl = (id: string, options: { version?: number; download?: boolean } = {}) => {
  const params = new URLSearchParams({ lang: currentLanguage() })
  if (options.version !== undefined) params.set('version', String(options.version))
  if (options.download) params.set('download', '1')
  return `${quote(id)}/pdf?${params}`
}

async function upload(path: string, method: string, file: File): Promise<unknown> {
  const response = await fetch(path, { method, credentials: 'same-origin', headers: { 'content-type': file.type || 'application/octet-stream', 'accept-language': currentLanguage() }, body: file })
  const body = await response.json().catch(() => null)
  if (!response.ok) throw new Error(body?.error?.fields?.[0]?.message ?? body?.error?.message ?? response.statusText)
  return body
}

export const quotesApi = {
  send: (id: string, input: SendInput) => request<{ quote: ApiRecord; emailed: boolean; to: string | null }>(`${quote(id)}/send`, { method: 'POST', body: input }),
  versions: (id: string) => request<{ data: QuoteVersion[] }>(`${quote(id)}/versions`),
  contract: (id: string) => request<ApiRecord>(`${quote(id)}/contract`, { method: 'POST', body: {} }),
  order: (contractId: string) => request<ApiRecord>(`/api/v1/contracts/${encodeURIComponent(contractId)}/order`, { method: 'POST', body: {} }),
  attach: (contractId: string, file: File) => upload(`/api/v1/contracts/${encodeURIComponent(contractId)}/attachment?name=${encodeURIComponent(file.name)}`, 'POST', file),
  settings: () => request<QuoteSettings>('/api/v1/quote-settings'),
  saveSettings: (values: Partial<QuoteSettings>) => request<QuoteSettings>('/api/v1/quote-settings', { method: 'PATCH', body: values }),
  uploadLogo: (file: File) => upload('/api/v1/quote-settings/logo', 'PUT', file),
  removeLogo: () => request<unknown>('/api/v1/quote-settings/logo', { method: 'DELETE' }),
  mailSettings: () => request<MailSettings>('/api/v1/mail/settings'),
  saveMailSettings: (values: Partial<MailSettings>) => request<MailSettings>('/api/v1/mail/settings', { method: 'PATCH', body: values }),
}
