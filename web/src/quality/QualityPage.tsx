import { useQuery } from '@tanstack/react-query'
import { Card, Col, Flex, Progress, Row, Segmented, Select, Statistic, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useRecordTitles } from '../fields/use-record-titles.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import { fieldOf, useMetadata } from '../metadata/use-metadata.ts'
import { qualityMessages } from './messages.ts'
import { qualityApi } from './quality-api.ts'

registerMessages('quality', qualityMessages)

const SCORED = ['accounts', 'contacts', 'leads', 'opportunities']
type GroupBy = 'owner_id' | 'team'

/** /quality — the 完整率 KPI: average completeness per owner or team, and each field's fill rate. */
export function QualityPage() {
  const { t } = useTranslation('quality')
  const label = useLabel()
  const { data: objects = [] } = useMetadata()
  const readable = objects.filter((object) => SCORED.includes(object.name) && object.permissions.read)
  const [objectName, setObjectName] = useState('accounts')
  const [groupBy, setGroupBy] = useState<GroupBy>('owner_id')
  const object = readable.find((candidate) => candidate.name === objectName) ?? readable[0]
  const summary = useQuery({
    queryKey: ['records', object?.name, 'completeness', groupBy],
    enabled: Boolean(object),
    queryFn: () => qualityApi.summary(object!.name, groupBy),
  })
  const groups = summary.data?.groups ?? []
  const titles = useRecordTitles(groupBy === 'owner_id' ? 'users' : 'teams', groups.map((group) => group.value ?? ''))
  const none = groupBy === 'owner_id' ? t('page.noOwner') : t('page.noTeam')
  const count = summary.data?.count ?? 0
  return (
    <Flex vertical gap={16} data-testid="quality-page">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('page.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('page.intro')}</Typography.Text>
      </div>
      <Flex gap={12} wrap align="center">
        <Select style={{ width: 180 }} value={object?.name} onChange={setObjectName} aria-label={t('page.object')} data-testid="quality-object"
          options={readable.map((candidate) => ({ value: candidate.name, label: label(candidate.pluralLabel) }))} />
        <Segmented<GroupBy> value={groupBy} onChange={setGroupBy} data-testid="quality-group"
          options={[{ value: 'owner_id', label: t('page.byOwner') }, { value: 'team', label: t('page.byTeam') }]} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('page.overall')} value={summary.data?.score ?? 0} suffix="%" loading={summary.isPending} data-testid="quality-overall" />
            <Statistic title={t('page.records')} value={count} loading={summary.isPending} />
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small">
            <Table size="small" rowKey={(group) => group.value ?? ''} loading={summary.isPending} dataSource={groups} pagination={false} data-testid="quality-groups"
              columns={[
                { key: 'group', title: groupBy === 'owner_id' ? t('page.byOwner') : t('page.byTeam'), render: (_, group) => (group.value ? titles[group.value] ?? '…' : none) },
                { key: 'count', title: t('page.records'), dataIndex: 'count', align: 'right' },
                { key: 'score', title: t('page.score'), render: (_, group) => <Progress percent={group.score} size="small" /> },
              ]} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('page.fields')}>
        <Table size="small" rowKey="field" dataSource={summary.data?.fields ?? []} pagination={false}
          columns={[
            { key: 'field', title: t('page.field'), render: (_, row) => { const field = object && fieldOf(object, row.field); return field ? label(field.label) : row.field } },
            { key: 'weight', title: t('page.weight'), dataIndex: 'weight', align: 'right' },
            { key: 'filled', title: t('page.filled'), render: (_, row) => <Progress percent={count === 0 ? 0 : Math.round((100 * row.filled) / count)} size="small" /> },
          ]} />
      </Card>
    </Flex>
  )
}
