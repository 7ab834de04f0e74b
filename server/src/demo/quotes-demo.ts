import { contractFromQuote, orderFromContract } from '../contracts/contract-service.ts'
import { checkQuoteSettingsChange, readQuoteSettings, writeQuoteSettings } from '../quotes/quote-settings.ts'
import type { RecordContext } from '../records/record-context.ts'
import { createRecords, updateRecords } from '../records/write-pipeline.ts'

const cny = (amount: string) => ({ amount, currency: 'CNY' })

interface DemoQuote {
  name: string
  account: string
  contact: string
  discount: number
  /** [product key, quantity, line discount %]. */
  lines: [string, number, number?][]
  status: 'draft' | 'sent' | 'accepted'
}

const QUOTES: DemoQuote[] = [
  { name: 'CRM 专业版升级方案', account: 'account-1', contact: 'contact-1', discount: 5, status: 'draft', lines: [['product-2', 1], ['product-17', 3], ['product-18', 2, 10]] },
  { name: '云端 CRM 订阅（50 用户）', account: 'account-2', contact: 'contact-2', discount: 0, status: 'sent', lines: [['product-1', 1], ['product-7', 50]] },
  { name: '销售管理系统与 BI 模块采购', account: 'account-3', contact: 'contact-3', discount: 8, status: 'accepted', lines: [['product-1', 1], ['product-4', 1], ['product-19', 1]] },
]

/**
 * The demo's quote-to-cash records, written through the normal pipeline after the rest of the demo:
 * price books, three quotes (draft, sent, accepted) and the contract and first order of the accepted one.
 */
export async function seedQuoteDemo(ctx: RecordContext, ids: Map<string, string>): Promise<Record<string, number>> {
  const workspaceId = ctx.actor.workspaceId
  const settings = checkQuoteSettingsChange(await readQuoteSettings(ctx.db, workspaceId), {
    company_address: '上海市浦东新区张江高科技园区科苑路 88 号', company_phone: '021-5080 1234', default_tax_percent: 13, validity_days: 30,
    default_terms: '1. 付款方式：合同签订后 10 个工作日内支付 50%，验收合格后支付余款。\n2. 交付周期：合同生效后 30 个工作日内完成部署。\n3. 以上价格含 13% 增值税专用发票。',
  })
  await writeQuoteSettings(ctx.db, workspaceId, settings)
  const id = (key: string) => ids.get(key) ?? null
  const books = await createRecords(ctx, ctx.catalog.get('price_books'), [
    { name: '标准价格表（人民币）', currency: 'CNY', active: true, is_default: true, description: '面向所有客户的标准报价。' },
    { name: 'A 类客户价格表', currency: 'CNY', customer_tier: 'a', active: true, description: '重点客户享受的协议价。' },
    { name: 'Standard price book (USD)', currency: 'USD', active: true, is_default: true },
  ])
  await createRecords(ctx, ctx.catalog.get('price_book_entries'), [
    { price_book_id: books[1].id, product_id: id('product-1'), unit_price: cny('35800.00') },
    { price_book_id: books[1].id, product_id: id('product-2'), unit_price: cny('88000.00') },
    { price_book_id: books[1].id, product_id: id('product-17'), unit_price: cny('4500.00') },
  ].filter((entry) => entry.product_id))
  const quotes = ctx.catalog.get('quotes')
  let contracts = 0
  for (const demo of QUOTES) {
    const account = id(demo.account)
    if (!account) continue
    const owner = await ctx.db.selectFrom('accounts').select('owner_id').where('workspace_id', '=', workspaceId).where('id', '=', account).executeTakeFirst()
    const [quote] = await createRecords(ctx, quotes, [{ name: demo.name, account_id: account, contact_id: id(demo.contact), discount_percent: demo.discount, owner_id: owner?.owner_id ?? ctx.actor.userId }])
    const lines = demo.lines.filter(([product]) => id(product)).map(([product, quantity, discount], index) => ({
      quote_id: quote.id, product_id: id(product), quantity, discount_percent: discount ?? null, position: index + 1,
    }))
    await createRecords(ctx, ctx.catalog.get('quote_lines'), lines)
    if (demo.status === 'draft') continue
    await updateRecords(ctx, quotes, [{ id: quote.id, input: { status: 'sent' } }])
    if (demo.status !== 'accepted') continue
    await updateRecords(ctx, quotes, [{ id: quote.id, input: { status: 'accepted' } }])
    const contract = await contractFromQuote(ctx, quote.id, { description: '由已接受的报价单生成。' })
    await updateRecords(ctx, ctx.catalog.get('contracts'), [{ id: contract.id, input: { status: 'active' } }])
    await orderFromContract(ctx, contract.id, { name: '首期交付' })
    contracts++
  }
  return { price_books: books.length, quotes: QUOTES.length, contracts, orders: contracts }
}
