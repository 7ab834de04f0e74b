import { SettingOutlined } from '@ant-design/icons'
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Empty, Flex, Input, Table, Typography } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { poolApi } from '../api/pool.ts'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { lazyNamed } from '../app/lazy-named.ts'
import { PageLoading } from '../app/PageLoading.tsx'
import { FieldValue } from '../fields/FieldValue.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import { fieldOf, useObjectMeta } from '../metadata/use-metadata.ts'
import { useIsAdmin } from '../settings/use-is-admin.ts'
import { poolMessages } from './messages.ts'

registerMessages('pool', poolMessages)

const PoolRules = lazyNamed(() => import('./PoolRules.tsx'), 'PoolRules')
const COLUMNS = ['industry', 'tier', 'city', 'last_activity_at', 'created_at']
export const poolSettingsKey = ['pool', 'settings'] as const

/** /pool — the accounts nobody owns (公海), each with Claim. */
export function PoolPage() {
  const { t } = useTranslation('pool')
  const { t: tApp } = useTranslation()
  const label = useLabel()
  const { message } = App.useApp()
  const client = useQueryClient()
  const admin = useIsAdmin()
  const accounts = useObjectMeta('accounts')
  const [q, setQ] = useState('')
  const [rulesOpen, setRulesOpen] = useState(false)
  const settings = useQuery({ queryKey: poolSettingsKey, queryFn: poolApi.settings })
  const list = useInfiniteQuery({
    queryKey: ['records', 'accounts', 'pool', q],
    queryFn: ({ pageParam, signal }) => recordsApi.list('accounts', { filter: { owner_id: { is_empty: 'true' } }, sort: '-updated_at', limit: 50, cursor: pageParam, q: q || undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  })
  if (!accounts) return <PageLoading />
  const claim = async (record: ApiRecord) => {
    try {
      await poolApi.claim(record.id)
      message.success(t('claimed'))
    } catch (error) {
      message.error(error instanceof Error ? error.message : tApp('error.generic'))
    }
    await Promise.all([client.invalidateQueries({ queryKey: ['records'] }), client.invalidateQueries({ queryKey: poolSettingsKey })])
  }
  const rows = list.data?.pages.flatMap((page) => page.data) ?? []
  const name = fieldOf(accounts, 'name')
  const columns = [
    { key: 'name', title: name ? label(name.label) : '', render: (_: unknown, record: ApiRecord) => <Link to={`/o/accounts/${record.id}`}>{String(record.name ?? '')}</Link> },
    ...COLUMNS.flatMap((fieldName) => {
      const field = fieldOf(accounts, fieldName)
      return field ? [{ key: fieldName, title: label(field.label), render: (_: unknown, record: ApiRecord) => <FieldValue field={field} value={record[fieldName]} /> }] : []
    }),
    {
      key: 'claim', title: '', align: 'end' as const,
      render: (_: unknown, record: ApiRecord) => accounts.permissions.update && (
        <Button size="small" type="primary" data-testid={`pool-claim-${record.id}`} onClick={() => void claim(record)}>{t('claim')}</Button>
      ),
    },
  ]
  return (
    <div data-testid="pool-page">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <div style={{ flex: 1, minWidth: 200 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        {settings.data && <Typography.Text data-testid="pool-held">{t('held', { held: settings.data.held_claims, limit: settings.data.claim_limit })}</Typography.Text>}
        <Input.Search allowClear placeholder={t('search')} onSearch={setQ} style={{ width: 240 }} />
        {admin && <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} data-testid="pool-rules">{t('rules')}</Button>}
      </Flex>
      <Table<ApiRecord> rowKey="id" size="small" columns={columns} dataSource={rows} loading={list.isPending} pagination={false} scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('empty')} /> }} />
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('loadMore')}</Button>
        </Flex>
      )}
      {rulesOpen && settings.data && (
        <Suspense fallback={null}><PoolRules rules={settings.data} onClose={() => setRulesOpen(false)} /></Suspense>
      )}
    </div>
  )
}
