import { BulbOutlined, CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { useSession } from '../auth/use-session.ts'
import { formatDateTime } from '../fields/FieldValue.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import { todayMessages } from './messages.ts'
import { suggestionsKey, todayApi, type Suggestion } from './today-api.ts'

registerMessages('today', todayMessages)

const KIND_COLOURS: Record<string, string> = {
  quote_no_reply: 'volcano', email_no_reply: 'orange', task_due_today: 'blue', lead_untouched: 'purple', opportunity_stale: 'gold', opportunity_no_next_step: 'cyan',
}

function ActivityList({ title, empty, activities, testId }: { title: string; empty: string; activities: ApiRecord[]; testId: string }) {
  const { t } = useTranslation('today')
  return (
    <Card size="small" title={title} data-testid={testId}>
      <List size="small" dataSource={activities} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        renderItem={(activity) => (
          <List.Item key={activity.id}>
            <Space orientation="vertical" size={0}>
              <Link to={`/o/activities/${activity.id}`}>{String(activity.subject ?? '')}</Link>
              {typeof activity.due_at === 'string' && <Typography.Text type={activity.overdue ? 'danger' : 'secondary'}>{t('due', { when: formatDateTime(activity.due_at) })}</Typography.Text>}
            </Space>
          </List.Item>
        )} />
    </Card>
  )
}

function todayRange(): string {
  const start = new Date()
  start.setHours(0, 0, 0, 0)
  const end = new Date(start)
  end.setDate(end.getDate() + 1)
  return `${start.toISOString()},${end.toISOString()}`
}

/** /today — the rep's morning list: ranked follow-up suggestions with links, overdue and due-today activities. */
export function TodayPage() {
  const { t } = useTranslation('today')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const me = useSession().data?.user.id
  const [refreshing, setRefreshing] = useState(false)
  const suggestions = useQuery({ queryKey: suggestionsKey, queryFn: todayApi.suggestions })
  const mine = { owner_id: { eq: me ?? '' } }
  const overdue = useQuery({
    queryKey: ['records', 'activities', 'today', 'overdue', me], enabled: Boolean(me),
    queryFn: () => recordsApi.list('activities', { filter: { ...mine, overdue: { eq: 'true' } }, sort: '-due_at', limit: 20 }),
  })
  const dueToday = useQuery({
    queryKey: ['records', 'activities', 'today', 'due', me], enabled: Boolean(me),
    // The reader's own day, from their midnight to the next.
    queryFn: () => recordsApi.list('activities', { filter: { ...mine, due_at: { between: todayRange() } }, sort: 'due_at', limit: 50 }),
  })
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action()
    } catch (error) {
      message.error(error instanceof Error ? error.message : tApp('error.generic'))
    }
    await client.invalidateQueries({ queryKey: suggestionsKey })
  }
  const refresh = async () => {
    setRefreshing(true)
    await run(() => todayApi.refresh())
    setRefreshing(false)
  }
  const overdueIds = new Set(overdue.data?.data.map((activity) => activity.id))
  return (
    <div data-testid="today-page">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 0 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<Space><BulbOutlined />{t('suggestions')}</Space>} data-testid="suggestions"
            extra={<Button size="small" icon={<ReloadOutlined />} loading={refreshing} onClick={() => void refresh()} data-testid="refresh-suggestions">{t('refresh')}</Button>}>
            <List<Suggestion> dataSource={suggestions.data?.data ?? []} loading={suggestions.isPending}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noSuggestions')} /> }}
              renderItem={(suggestion) => (
                <List.Item key={suggestion.id} data-testid={`suggestion-${suggestion.rank}`} actions={[
                  <Button key="done" size="small" type="text" icon={<CheckOutlined />} aria-label={t('done')} title={t('done')} onClick={() => void run(() => todayApi.close(suggestion.id, 'done'))} />,
                  <Button key="dismiss" size="small" type="text" icon={<CloseOutlined />} aria-label={t('dismiss')} title={t('dismiss')} onClick={() => void run(() => todayApi.close(suggestion.id, 'dismiss'))} />,
                ]}>
                  <Space align="start">
                    <Tag color={KIND_COLOURS[suggestion.kind]}>{suggestion.rank}</Tag>
                    <Link to={`/o/${suggestion.object}/${suggestion.record_id}`}>{suggestion.message}</Link>
                  </Space>
                </List.Item>
              )} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <ActivityList title={t('overdue')} empty={t('noOverdue')} activities={overdue.data?.data ?? []} testId="overdue-activities" />
            <ActivityList title={t('dueToday')} empty={t('noDueToday')} activities={(dueToday.data?.data ?? []).filter((activity) => activity.done !== true && !overdueIds.has(activity.id))} testId="due-today" />
          </Space>
        </Col>
      </Row>
    </div>
  )
}
