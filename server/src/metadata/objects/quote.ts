import { label, type ObjectDefinition, type SelectOption } from '../object-definition.ts'
import { tagsField } from './tag.ts'

const option = (value: string, en: string, zh: string, color?: string): SelectOption => ({ value, label: label(en, zh), ...(color && { color }) })

/** Currencies a price book and a quote may be in. */
export const QUOTE_CURRENCIES: SelectOption[] = [option('CNY', 'CNY — Renminbi', '人民币 CNY'), option('USD', 'USD — US dollar', '美元 USD')]

/** draft → pending_approval → approved → sent → accepted / rejected / expired (quotes/quote-status.ts). */
export const QUOTE_STATUSES: SelectOption[] = [
  option('draft', 'Draft', '草稿', 'default'),
  option('pending_approval', 'Pending approval', '待审批', 'gold'),
  option('approved', 'Approved', '已审批', 'cyan'),
  option('sent', 'Sent', '已发送', 'blue'),
  option('accepted', 'Accepted', '已接受', 'green'),
  option('rejected', 'Rejected', '已拒绝', 'red'),
  option('expired', 'Expired', '已过期', 'default'),
]

const money = (name: string, en: string, zh: string) => ({ name, type: 'currency' as const, label: label(en, zh), readOnly: true })

/** A priced offer to a customer; its totals are computed from its lines (quotes/quote-arithmetic.ts). */
export const quote: ObjectDefinition = {
  name: 'quotes',
  singular: 'quote',
  table: 'quotes',
  label: label('Quote', '报价单'),
  pluralLabel: label('Quotes', '报价单'),
  titleField: 'name',
  owned: true,
  defaultSort: '-updated_at',
  fields: [
    { name: 'number', type: 'auto_number', label: label('Quote number', '报价单号'), readOnly: true },
    { name: 'name', type: 'text', label: label('Name', '报价名称'), required: true, searchable: true },
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '客户') },
    { name: 'contact_id', type: 'relation', target: 'contacts', label: label('Contact', '联系人') },
    { name: 'opportunity_id', type: 'relation', target: 'opportunities', label: label('Opportunity', '商机') },
    { name: 'price_book_id', type: 'relation', target: 'price_books', label: label('Price book', '价格表') },
    { name: 'currency', type: 'single_select', label: label('Currency', '币种'), options: QUOTE_CURRENCIES },
    { name: 'status', type: 'single_select', label: label('Status', '状态'), options: QUOTE_STATUSES },
    { name: 'discount_percent', type: 'percent', label: label('Overall discount', '整单折扣'), min: 0, max: 100 },
    { name: 'tax_percent', type: 'percent', label: label('Tax rate', '税率'), min: 0, max: 100 },
    money('subtotal', 'Subtotal', '小计'),
    money('discount_total', 'Discount', '折扣金额'),
    money('tax_total', 'Tax', '税额'),
    money('total', 'Total', '总计'),
    { name: 'quote_version', type: 'number', label: label('Version', '版本'), readOnly: true, scale: 0 },
    { name: 'valid_until', type: 'date', label: label('Valid until', '有效期至') },
    { name: 'sent_at', type: 'datetime', label: label('Sent', '发送时间'), readOnly: true },
    { name: 'accepted_at', type: 'datetime', label: label('Accepted', '接受时间'), readOnly: true },
    { name: 'terms', type: 'long_text', label: label('Terms', '条款') },
    tagsField,
  ],
}

/** One product line of a quote; its total is computed (quotes/quote-arithmetic.ts). */
export const quoteLine: ObjectDefinition = {
  name: 'quote_lines',
  singular: 'quote_line',
  table: 'quote_lines',
  label: label('Quote line', '报价明细'),
  pluralLabel: label('Quote lines', '报价明细'),
  titleField: 'description',
  // Owned like its quote (a hook keeps the owner), so a rep reaches only the lines of their quotes.
  owned: true,
  defaultSort: 'position',
  fields: [
    { name: 'quote_id', type: 'relation', target: 'quotes', label: label('Quote', '报价单'), required: true },
    { name: 'product_id', type: 'relation', target: 'products', label: label('Product', '产品') },
    { name: 'description', type: 'text', label: label('Description', '描述'), searchable: true, maxLength: 500 },
    { name: 'quantity', type: 'number', label: label('Quantity', '数量'), required: true, min: 0 },
    { name: 'unit', type: 'text', label: label('Unit', '单位'), maxLength: 20 },
    { name: 'unit_price', type: 'currency', label: label('Unit price', '单价'), min: 0 },
    { name: 'discount_percent', type: 'percent', label: label('Line discount', '行折扣'), min: 0, max: 100 },
    money('line_total', 'Line total', '金额'),
    { name: 'position', type: 'number', label: label('Position', '序号'), scale: 0, min: 0 },
  ],
}
