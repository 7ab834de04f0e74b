import { PlusOutlined, WalletOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ApiRecord } from '../api/records.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import { RecordForm } from '../forms/RecordForm.tsx'
import { currentLanguage } from '../i18n/i18n.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { fieldOf } from '../metadata/use-metadata.ts'
import { paymentMessages } from './messages.ts'
import { formatAmount, paymentsApi, paymentSummaryKey, type PaymentTotals } from './payments-api.ts'

registerMessages('payments', paymentMessages)

interface Money {
  amount: string
  currency: string
}

type Form = { object: ObjectMeta; initial: Record<string, unknown> }

function Totals({ totals }: { totals: PaymentTotals }) {
  const { t } = useTranslation('payments')
  const money = (amount: string) => formatAmount(amount, totals.currency, currentLanguage())
  const figures: { key: keyof PaymentTotals; danger?: boolean }[] = [
    { key: 'planned' }, { key: 'received' }, { key: 'outstanding' }, { key: 'overdue', danger: Number(totals.overdue) > 0 },
    ...(Number(totals.unapplied) > 0 ? [{ key: 'unapplied' as const }] : []),
  ]
  return (
    <Row gutter={[12, 12]} data-testid={`payment-totals-${totals.currency}`}>
      {figures.map(({ key, danger }) => (
        <Col key={key} xs={12} md={Math.floor(24 / figures.length)}>
          <Statistic title={t(key)} value={money(totals[key])} styles={{ content: { fontSize: 18, ...(danger && { color: '#cf1322' }) } }} data-testid={`payment-${key}`} />
        </Col>
      ))}
    </Row>
  )
}

/**
 * On a contract's page: its payment plan with the instalments (received and status kept by the
 * server's matching), the received/outstanding totals, the payments, and the "record payment" action.
 */
export function ContractPayments({ record, objects }: { record: ApiRecord; objects: ObjectMeta[] }) {
  const { t } = useTranslation('payments')
  const client = useQueryClient()
  const [form, setForm] = useState<Form>()
  const summary = useQuery({ queryKey: paymentSummaryKey(record.id), queryFn: () => paymentsApi.summary(record.id) })
  const find = (name: string) => objects.find((object) => object.name === name)
  const [plans, instalments, payments] = [find('payment_plans'), find('payment_instalments'), find('payments')]
  if (!plans || !instalments || !payments || !summary.data) return null
  const data = summary.data
  const money = (value: unknown) => (value ? formatAmount((value as Money).amount, (value as Money).currency, currentLanguage()) : '—')
  const base = { contract_id: record.id, ...(record.account_id ? { account_id: record.account_id } : {}) }
  const firstPlan = data.plans[0]
  const statusField = fieldOf(instalments, 'status')
  const methodField = fieldOf(payments, 'method')
  const instalmentName = (id: unknown) => String(data.instalments.find((instalment) => instalment.id === id)?.name ?? '')
  const saved = () => client.invalidateQueries({ queryKey: ['records'] })
  return (
    <Card size="small" data-testid="contract-payments"
      title={<Space><WalletOutlined />{t('title')}</Space>}
      extra={
        <Space wrap>
          {payments.permissions.create && <Button size="small" type="primary" data-testid="record-payment" onClick={() => setForm({ object: payments, initial: base })}>{t('record')}</Button>}
          {firstPlan && instalments.permissions.create && (
            <Button size="small" icon={<PlusOutlined />} data-testid="add-instalment" onClick={() => setForm({ object: instalments, initial: { plan_id: firstPlan.id, contract_id: record.id } })}>{t('addInstalment')}</Button>
          )}
          {!firstPlan && plans.permissions.create && (
            <Button size="small" icon={<PlusOutlined />} data-testid="new-payment-plan"
              onClick={() => setForm({ object: plans, initial: { ...base, name: `${String(record.name ?? '')} ${t('title')}`, ...(record.value ? { total: record.value } : {}) } })}>{t('newPlan')}</Button>
          )}
        </Space>
      }>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {data.totals.map((totals) => <Totals key={totals.currency} totals={totals} />)}
        <div>
          <Typography.Text strong>{t('instalments')}</Typography.Text>
          <Table<ApiRecord> rowKey="id" size="small" pagination={false} dataSource={data.instalments} scroll={{ x: true }} data-testid="instalment-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noPlan')} /> }}
            columns={[
              { key: 'name', title: t('column.name'), render: (_, row) => <Link to={`/o/payment_instalments/${row.id}`}>{String(row.name || row.due_date)}</Link> },
              { key: 'due', title: t('column.due'), dataIndex: 'due_date' },
              { key: 'amount', title: t('column.amount'), align: 'end', render: (_, row) => money(row.amount) },
              { key: 'paid', title: t('column.paid'), align: 'end', render: (_, row) => money(row.paid_amount) },
              { key: 'status', title: t('column.status'), render: (_, row) => statusField && <FieldValue field={statusField} value={row.status} /> },
            ]} />
        </div>
        <div>
          <Typography.Text strong>{t('payments')}</Typography.Text>
          <Table<ApiRecord> rowKey="id" size="small" pagination={false} dataSource={data.payments} scroll={{ x: true }} data-testid="payment-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noPayments')} /> }}
            columns={[
              { key: 'received', title: t('column.receivedOn'), render: (_, row) => <Link to={`/o/payments/${row.id}`}>{String(row.received_at ?? '')}</Link> },
              { key: 'amount', title: t('column.received'), align: 'end', render: (_, row) => money(row.amount) },
              { key: 'method', title: t('column.method'), render: (_, row) => methodField && <FieldValue field={methodField} value={row.method} /> },
              { key: 'reference', title: t('column.reference'), render: (_, row) => String(row.reference ?? '') },
              { key: 'instalment', title: t('column.instalment'), render: (_, row) => instalmentName(row.instalment_id) },
            ]} />
        </div>
      </Space>
      {form && <RecordForm object={form.object} initialValues={form.initial} open onClose={() => setForm(undefined)} onSaved={() => void saved()} />}
    </Card>
  )
}
