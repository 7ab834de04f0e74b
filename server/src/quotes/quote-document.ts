import type { Db } from '../db/database.ts'
import type { Locale } from '../i18n/translate.ts'
import type { ApiRecord } from '../records/row-mapping.ts'
import { readQuoteSettings } from './quote-settings.ts'
import { quoteLabel } from './quote-status.ts'
import { latestFile } from './stored-files.ts'

type Money = { amount: string; currency: string } | null

/** Everything printed on a quote, gathered once so the layout only lays out. */
export interface QuoteDocument {
  locale: Locale
  company: { name: string; address: string | null; phone: string | null; logo?: Buffer }
  label: string
  name: string
  date: string
  validUntil: string | null
  currency: string
  customer: { account: string | null; contact: string | null; email: string | null; phone: string | null }
  preparedBy: { name: string | null; email: string | null }
  lines: { description: string; quantity: unknown; unit: string | null; unitPrice: Money; discount: unknown; total: Money }[]
  totals: { subtotal: Money; discountPercent: unknown; discount: Money; taxPercent: unknown; tax: Money; total: Money }
  terms: string | null
}

export const LOGO_PURPOSE = 'workspace_logo'

async function nameOf(db: Db, workspaceId: string, table: string, id: unknown, columns: string[] = ['name']): Promise<Record<string, string | null> | undefined> {
  if (typeof id !== 'string') return undefined
  return db.selectFrom(table).select(columns).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<Record<string, string | null> | undefined>
}

/** The document of a quote at one version (the live record, or a frozen snapshot) and its lines. */
export async function quoteDocument(db: Db, workspaceId: string, locale: Locale, quote: ApiRecord, lines: ApiRecord[]): Promise<QuoteDocument> {
  const [settings, logo, account, contact, owner] = await Promise.all([
    readQuoteSettings(db, workspaceId),
    latestFile(db, workspaceId, LOGO_PURPOSE),
    nameOf(db, workspaceId, 'accounts', quote.account_id),
    nameOf(db, workspaceId, 'contacts', quote.contact_id, ['name', 'email', 'phone']),
    nameOf(db, workspaceId, 'users', quote.owner_id, ['name', 'email']),
  ])
  const currency = String(quote.currency ?? 'CNY')
  const issued = (quote.sent_at ?? quote.updated_at ?? quote.created_at) as string
  return {
    locale,
    company: { name: settings.company_name ?? settings.workspace_name, address: settings.company_address, phone: settings.company_phone, logo: logo?.data },
    label: quoteLabel(quote.number, quote.quote_version),
    name: String(quote.name ?? ''),
    date: String(issued).slice(0, 10),
    validUntil: (quote.valid_until as string | null) ?? null,
    currency,
    customer: { account: account?.name ?? null, contact: contact?.name ?? null, email: contact?.email ?? null, phone: contact?.phone ?? null },
    preparedBy: { name: owner?.name ?? null, email: owner?.email ?? null },
    lines: lines.map((line) => ({
      description: String(line.description ?? ''), quantity: line.quantity, unit: (line.unit as string | null) ?? null,
      unitPrice: line.unit_price as Money, discount: line.discount_percent, total: line.line_total as Money,
    })),
    totals: {
      subtotal: quote.subtotal as Money, discountPercent: quote.discount_percent, discount: quote.discount_total as Money,
      taxPercent: quote.tax_percent, tax: quote.tax_total as Money, total: quote.total as Money,
    },
    terms: (quote.terms as string | null) ?? null,
  }
}
