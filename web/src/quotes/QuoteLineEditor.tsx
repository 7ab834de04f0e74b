import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Flex, Input, InputNumber, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { RecordPicker } from '../fields/RecordPicker.tsx'
import { formatExactMoney } from './format-exact-money.ts'
import { currentLine, draftPatch, errorText, liveTotals, useQuoteLines, useRefreshQuote, type LineDraft } from './quote-lines.ts'
import { QuoteTotals } from './QuoteTotals.tsx'

interface QuoteLineEditorProps {
  quote: ApiRecord
  editable: boolean
}

/** The quote's lines, edited in place: totals follow every keystroke; a line is saved when its field is left. */
export function QuoteLineEditor({ quote, editable }: QuoteLineEditorProps) {
  const { t } = useTranslation('quotes')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const { data: lines = [], isPending } = useQuoteLines(quote.id)
  const refresh = useRefreshQuote(quote.id)
  const [drafts, setDrafts] = useState<Record<string, LineDraft>>({})
  const [adding, setAdding] = useState(false)
  const currency = String(quote.currency ?? 'CNY')
  const live = liveTotals(lines, drafts, quote.discount_percent, quote.tax_percent)
  const edit = (id: string, change: LineDraft) => setDrafts((all) => ({ ...all, [id]: { ...all[id], ...change } }))
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action()
    } catch (error) {
      message.error(errorText(error, tApp('error.generic')))
    }
    await refresh()
  }
  const save = (line: ApiRecord) => {
    const patch = draftPatch(line, drafts[line.id] ?? {}, currency)
    setDrafts(({ [line.id]: _saved, ...rest }) => rest)
    if (Object.keys(patch).length > 0) void run(() => recordsApi.update('quote_lines', line.id, line.version, patch))
  }
  const add = (values: Record<string, unknown>) => {
    setAdding(true)
    void run(() => recordsApi.create('quote_lines', { quote_id: quote.id, quantity: 1, ...values })).finally(() => setAdding(false))
  }
  const number = (line: ApiRecord, key: 'quantity' | 'unit_price' | 'discount_percent', value: string | null, max?: number) => (
    <InputNumber<string> stringMode size="small" min="0" max={max === undefined ? undefined : String(max)} value={value ?? undefined} disabled={!editable}
      style={{ width: '100%' }} controls={false} data-testid={`line-${key}`}
      onChange={(next) => edit(line.id, { [key]: next === null ? (key === 'discount_percent' ? null : '') : String(next) })} onBlur={() => save(line)} />
  )
  const columns = [
    { key: 'position', title: '#', width: 40, render: (_: unknown, _line: ApiRecord, index: number) => index + 1 },
    {
      key: 'description', title: t('lines.product'),
      render: (_: unknown, line: ApiRecord) => (
        <Input size="small" value={currentLine(line, drafts[line.id]).description} disabled={!editable} data-testid="line-description"
          onChange={(event) => edit(line.id, { description: event.target.value })} onBlur={() => save(line)} />
      ),
    },
    { key: 'quantity', title: t('lines.quantity'), width: 90, render: (_: unknown, line: ApiRecord) => number(line, 'quantity', currentLine(line, drafts[line.id]).quantity) },
    { key: 'unit', title: t('lines.unit'), width: 60, render: (_: unknown, line: ApiRecord) => String(line.unit ?? '') },
    { key: 'unit_price', title: t('lines.unitPrice'), width: 130, render: (_: unknown, line: ApiRecord) => number(line, 'unit_price', currentLine(line, drafts[line.id]).unit_price) },
    { key: 'discount', title: t('lines.discount'), width: 80, render: (_: unknown, line: ApiRecord) => number(line, 'discount_percent', currentLine(line, drafts[line.id]).discount_percent, 100) },
    {
      key: 'total', title: t('lines.total'), width: 130, align: 'right' as const,
      render: (_: unknown, _line: ApiRecord, index: number) => <span data-testid="line-total">{formatExactMoney(live.lines[index], currency)}</span>,
    },
    ...(editable ? [{
      key: 'remove', width: 40,
      render: (_: unknown, line: ApiRecord) => (
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('lines.remove')} title={t('lines.remove')}
          onClick={() => void run(() => recordsApi.remove('quote_lines', line.id, line.version))} />
      ),
    }] : []),
  ]
  return (
    <div data-testid="quote-lines">
      <Table<ApiRecord> size="small" rowKey="id" loading={isPending} dataSource={lines} columns={columns} pagination={false}
        scroll={{ x: 720 }} locale={{ emptyText: t('lines.empty') }} />
      {editable && (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>{t('lines.addProduct')}</Typography.Text>
          <div style={{ width: 280 }} data-testid="add-product-line">
            <RecordPicker target="products" value={null} onChange={(id) => typeof id === 'string' && add({ product_id: id })} />
          </div>
          <Button icon={<PlusOutlined />} loading={adding} data-testid="add-custom-line"
            onClick={() => add({ description: t('lines.customDescription'), unit_price: { amount: '0', currency } })}>{t('lines.addCustom')}</Button>
        </Flex>
      )}
      <div style={{ marginTop: 12 }}>
        <QuoteTotals totals={live.totals} currency={currency} discount={quote.discount_percent} tax={quote.tax_percent} />
      </div>
    </div>
  )
}
