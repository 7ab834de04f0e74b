import { Card, Progress, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatMoney } from '../fields/format-money.ts'
import type { Forecast, ForecastRow } from './analytics-api.ts'

interface Line extends ForecastRow {
  id: string
  bucket: number
  total: boolean
}

/** Per month or quarter, each owner's or team's pipeline, best case, commit, weighted and closed won against quota. */
export function ForecastTable({ forecast, canManageQuotas }: { forecast: Forecast; canManageQuotas: boolean }) {
  const { t } = useTranslation('analytics')
  const periodName = (bucket: number) => forecast.period === 'month'
    ? t('forecast.month', { month: bucket, year: forecast.year })
    : t('forecast.quarter', { quarter: bucket, year: forecast.year })
  const lines: Line[] = forecast.buckets.flatMap((bucket) => [
    ...bucket.rows.map((row) => ({ ...row, id: `${bucket.bucket}-${row.key}-${row.currency}`, bucket: bucket.bucket, total: false })),
    ...(bucket.rows.length > 1 ? bucket.totals.map((row) => ({ ...row, id: `${bucket.bucket}-total-${row.currency}`, bucket: bucket.bucket, total: true })) : []),
  ])
  const money = (name: 'pipeline' | 'best_case' | 'commit' | 'weighted' | 'closed_won' | 'quota') => (_: unknown, line: Line) =>
    line[name] === null ? '—' : <span style={{ fontWeight: line.total ? 600 : undefined }}>{formatMoney(line[name], line.currency)}</span>
  const columns = [
    { key: 'period', title: t('forecast.period'), render: (_: unknown, line: Line, index: number) => (index === 0 || lines[index - 1].bucket !== line.bucket ? periodName(line.bucket) : '') },
    { key: 'who', title: t('forecast.who'), render: (_: unknown, line: Line) => (line.total ? <Typography.Text strong>{t('forecast.total')}</Typography.Text> : (line.key ? forecast.names[line.key] : t('forecast.noOwner'))) },
    { key: 'count', title: t('forecast.count'), dataIndex: 'count', align: 'right' as const },
    { key: 'pipeline', title: t('forecast.pipeline'), render: money('pipeline'), align: 'right' as const },
    { key: 'best_case', title: t('forecast.bestCase'), render: money('best_case'), align: 'right' as const },
    { key: 'commit', title: t('forecast.commit'), render: money('commit'), align: 'right' as const },
    { key: 'weighted', title: t('forecast.weighted'), render: money('weighted'), align: 'right' as const },
    { key: 'closed_won', title: t('forecast.closedWon'), render: money('closed_won'), align: 'right' as const },
    { key: 'quota', title: t('forecast.quota'), render: money('quota'), align: 'right' as const },
    { key: 'attainment', title: t('forecast.attainment'), width: 150, render: (_: unknown, line: Line) => (line.attainment === null ? '—'
      : <Progress percent={Math.round(line.attainment * 1000) / 10} size="small" status={line.attainment >= 1 ? 'success' : 'normal'} />) },
  ]
  return (
    <Card size="small" title={t('forecast.title')} data-testid="forecast"
      extra={canManageQuotas ? <Link to="/o/quotas">{t('forecast.quotas')}</Link> : undefined}>
      <Typography.Paragraph type="secondary">{t('forecast.hint')}</Typography.Paragraph>
      <Table rowKey="id" size="small" pagination={false} dataSource={lines} columns={columns} scroll={{ x: true }} locale={{ emptyText: t('forecast.empty') }} />
    </Card>
  )
}
