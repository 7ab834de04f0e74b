import { AppstoreOutlined, UnorderedListOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Button, Col, Flex, Result, Row, Space } from 'antd'
import { Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError } from '../api/client.ts'
import type { ApiRecord } from '../api/records.ts'
import { PageLoading } from '../app/PageLoading.tsx'
import { boardableFields } from '../kanban/board-fields.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import { FieldsPanel } from './FieldsPanel.tsx'
import { QuickActions } from './QuickActions.tsx'
import { QuickActivityForm, type QuickKind } from './QuickActivityForm.tsx'
import { RecordHeader } from './RecordHeader.tsx'
import { relationshipsTo } from './related-objects.ts'
import { RelatedLists } from './RelatedLists.tsx'
import { Timeline } from './Timeline.tsx'
import { timelineKey, useRecord } from './use-record.ts'
import { useRecordFigures } from './use-record-figures.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { recordPageMessages } from './messages.ts'
import { useIsPhone } from '../app/use-is-phone.ts'
import { PoolActions } from '../pool/PoolActions.tsx'
import { ConvertLeadButton } from '../leads/ConvertLeadButton.tsx'
import { CompletenessBadge } from '../quality/CompletenessBadge.tsx'
import { RecordDuplicates } from '../duplicates/RecordDuplicates.tsx'
import { markFirstContent } from '../app/first-content.ts'
import { lazyNamed } from '../app/lazy-named.ts'

const QuotePanel = lazyNamed(() => import('../quotes/QuotePanel.tsx'), 'QuotePanel')
const ContractPanel = lazyNamed(() => import('../quotes/ContractPanel.tsx'), 'ContractPanel')
const StageHistory = lazyNamed(() => import('../pipelines/StageHistory.tsx'), 'StageHistory')
const ApprovalPanel = lazyNamed(() => import('../approvals/ApprovalPanel.tsx'), 'ApprovalPanel')
const ContractPayments = lazyNamed(() => import('../payments/ContractPayments.tsx'), 'ContractPayments')

registerMessages('record-page', recordPageMessages)

/** /o/:object/:id — the 360° view of any record. */
export function RecordPage() {
  const { t } = useTranslation('record-page')
  const { object: name, id } = useParams()
  const { data: objects, isPending } = useMetadata()
  const object = objects?.find((candidate) => candidate.name === name)
  const record = useRecord(name ?? '', id ?? '')
  const loaded = record.isSuccess
  useEffect(() => {
    if (loaded) markFirstContent()
  }, [loaded])
  if (isPending || record.isPending) return <PageLoading />
  if (!object || !objects) return <Result status="404" title={t('objectNotFound')} />
  if (record.isError || !record.data) {
    const missing = record.error instanceof ApiError && record.error.status === 404
    return <Result status={missing ? '404' : 'error'} title={missing ? t('notFound') : record.error?.message} extra={<Link to={`/o/${object.name}`}><Button>{t('backToList')}</Button></Link>} />
  }
  return <RecordView key={record.data.id} objects={objects} object={object} record={record.data} />
}

function RecordView({ objects, object, record }: { objects: ObjectMeta[]; object: ObjectMeta; record: ApiRecord }) {
  const { t } = useTranslation('record-page')
  const label = useLabel()
  const client = useQueryClient()
  const phone = useIsPhone()
  const [quick, setQuick] = useState<QuickKind>()
  const relationships = relationshipsTo(objects, object)
  const readable = (name: string) => objects.some((candidate) => candidate.name === name && candidate.permissions.read)
  const figures = useRecordFigures(object, record, relationships, readable)
  const activities = objects.find((candidate) => candidate.name === 'activities')
  const canLog = Boolean(activities?.permissions.create) && object.name !== 'activities'
  // A new activity or related record moves the timeline and the figures.
  const refresh = () => {
    void client.invalidateQueries({ queryKey: timelineKey(object.name, record.id) })
    void client.invalidateQueries({ queryKey: ['records'] })
  }
  const stageField = object.name === 'opportunities' ? object.fields.find((field) => field.name === 'stage') : undefined
  const fields = (
    <>
      <FieldsPanel object={object} record={record} />
      {stageField && <Suspense fallback={null}><StageHistory record={record} stageField={stageField} /></Suspense>}
    </>
  )
  const related = <RelatedLists relationships={relationships} record={record} onCreated={refresh} />
  const timeline = <Timeline object={object} activities={activities} id={record.id} onChanged={refresh} />
  return (
    <div style={{ paddingBottom: phone && canLog ? 64 : 0 }} data-testid="record-page">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Link to={`/o/${object.name}`}><Button size="small" icon={<UnorderedListOutlined />}>{t('allRecords', { object: label(object.pluralLabel) })}</Button></Link>
        {boardableFields(object).length > 0 && <Link to={`/o/${object.name}/kanban`}><Button size="small" icon={<AppstoreOutlined />}>{t('board')}</Button></Link>}
        {object.name === 'accounts' && <PoolActions record={record} canUpdate={object.permissions.update} />}
        {object.name === 'contracts' && <Suspense fallback={null}><ContractPanel object={object} record={record} objects={objects} /></Suspense>}
        {object.name === 'leads' && <ConvertLeadButton record={record} canUpdate={object.permissions.update} />}
      </Flex>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <RecordHeader object={object} record={record} figures={figures} />
        {object.name === 'quotes' && <Suspense fallback={null}><QuotePanel object={object} record={record} objects={objects} /></Suspense>}
        {object.name !== 'approvals' && object.name !== 'approval_rules' && <Suspense fallback={null}><ApprovalPanel object={object} record={record} /></Suspense>}
        {object.name === 'contracts' && <Suspense fallback={null}><ContractPayments record={record} objects={objects} /></Suspense>}
        {Boolean(object.duplicateRules?.length) && <RecordDuplicates object={object} record={record} />}
        <CompletenessBadge object={object} id={record.id} version={record.version} />
        {phone ? (
          // On a phone: what happened first (quick actions log to it), then the related records, then every field.
          <>
            {timeline}
            {related}
            {fields}
          </>
        ) : (
          <Row gutter={[12, 12]}>
            <Col md={10}>
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                {fields}
                {related}
              </Space>
            </Col>
            <Col md={14}>
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                {canLog && <QuickActions onPick={setQuick} phone={false} />}
                {timeline}
              </Space>
            </Col>
          </Row>
        )}
      </Space>
      {canLog && phone && <QuickActions onPick={setQuick} phone />}
      {canLog && activities && <QuickActivityForm kind={quick} activities={activities} object={object} record={record} onClose={() => setQuick(undefined)} onCreated={refresh} />}
    </div>
  )
}
