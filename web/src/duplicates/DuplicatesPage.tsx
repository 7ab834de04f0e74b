import { ArrowLeftOutlined } from '@ant-design/icons'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { duplicatesApi, type DuplicateGroup } from '../api/duplicates.ts'
import { PageLoading } from '../app/PageLoading.tsx'
import { PageTitle } from '../app/text.tsx'
import { FieldValue } from '../fields/FieldValue.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import { useObjectMeta } from '../metadata/use-metadata.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { duplicatesMessages } from './messages.ts'
import { MergeDialog } from './MergeDialog.tsx'

registerMessages('duplicates', duplicatesMessages)

/** /o/:object/duplicates — the workspace's groups of likely duplicates, each with Merge. */
export function DuplicatesPage() {
  const { t } = useTranslation('duplicates')
  const label = useLabel()
  const object = useObjectMeta(useParams().object)
  const [merging, setMerging] = useState<DuplicateGroup>()
  const groups = useInfiniteQuery({
    queryKey: ['duplicates', 'groups', object?.name],
    queryFn: ({ pageParam }) => duplicatesApi.groups(object!.name, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    enabled: Boolean(object),
  })
  if (!object || groups.isPending) return <PageLoading />
  const list = groups.data?.pages.flatMap((page) => page.data) ?? []
  return (
    <Flex vertical gap={16} data-testid="duplicates-page">
      <Flex align="center" gap={12}>
        <Link to={`/o/${object.name}`}><Button icon={<ArrowLeftOutlined />} aria-label={t('page.back')} /></Link>
        <PageTitle>{t('page.title', { object: label(object.pluralLabel) })}</PageTitle>
      </Flex>
      <Typography.Text type="secondary">{t('page.intro')}</Typography.Text>
      {list.length === 0 && <Empty description={t('page.empty')} />}
      {list.map((group) => (
        <Card
          key={`${group.rule}:${group.key}`}
          size="small"
          data-testid="duplicate-group"
          title={<Flex gap={8} align="center"><Tag color="orange">{t(`rule.${group.rule}`)}</Tag><span>{t('group.records', { count: group.count })}</span></Flex>}
          extra={object.permissions.update && object.permissions.delete && (
            <Button type="primary" onClick={() => setMerging(group)} data-testid="merge-open">{t('merge.open')}</Button>
          )}
        >
          <GroupRecords object={object} group={group} />
        </Card>
      ))}
      {groups.hasNextPage && <Button onClick={() => void groups.fetchNextPage()} loading={groups.isFetchingNextPage}>{t('page.loadMore')}</Button>}
      {merging && <MergeDialog object={object} records={merging.records} open onClose={() => setMerging(undefined)} />}
    </Flex>
  )
}

const SUMMARY_FIELDS = ['email', 'phone', 'company', 'account_id', 'city', 'owner_id', 'created_at']

function GroupRecords({ object, group }: { object: ObjectMeta; group: DuplicateGroup }) {
  const fields = SUMMARY_FIELDS.flatMap((name) => object.fields.filter((field) => field.name === name))
  return (
    <Flex vertical gap={6}>
      {group.records.map((record) => (
        <Flex key={record.id} gap={16} align="center" wrap>
          <Link to={`/o/${object.name}/${record.id}`} style={{ minWidth: 160 }}>{String(record[object.titleField] ?? record.id)}</Link>
          {fields.map((field) => <span key={field.name}><FieldValue field={field} value={record[field.name]} /></span>)}
        </Flex>
      ))}
    </Flex>
  )
}
