import { TableOutlined } from '@ant-design/icons'
import { Button, Flex, Result, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { PageLoading } from '../app/PageLoading.tsx'
import { useLabel } from '../metadata/labels.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { boardableFields, boardField } from './board-fields.ts'
import { KanbanBoard } from './KanbanBoard.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import { kanbanMessages } from './messages.ts'
import { PipelinePicker } from '../pipelines/PipelinePicker.tsx'
import { usePipelineScope } from './use-pipeline-scope.ts'

registerMessages('kanban', kanbanMessages)

/** /o/:object/kanban?by=field — any object's records as a board of one choice field. */
export function KanbanPage() {
  const { t } = useTranslation('kanban')
  const { object: name } = useParams()
  const { data: objects, isPending } = useMetadata()
  const object = objects?.find((candidate) => candidate.name === name)
  if (isPending) return <PageLoading />
  if (!object) return <Result status="404" title={t('notFound')} />
  return <Board object={object} />
}

function Board({ object }: { object: ObjectMeta }) {
  const { t } = useTranslation('kanban')
  const label = useLabel()
  const [params, setParams] = useSearchParams()
  const field = boardField(object, params.get('by'))
  const { pipelines, pipeline, scope } = usePipelineScope(object, field, params.get('pipeline'))
  return (
    <>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, flex: '1 1 240px' }}>{t('title', { object: label(object.pluralLabel) })}</Typography.Title>
        {field && (
          <Select value={field.name} style={{ minWidth: 160 }} aria-label={t('groupBy')} data-testid="kanban-group-by"
            options={boardableFields(object).map((candidate) => ({ value: candidate.name, label: t('byField', { field: label(candidate.label) }) }))}
            onChange={(by) => setParams({ by }, { replace: true })} />
        )}
        {pipeline && <PipelinePicker pipelines={pipelines} value={pipeline.id} onChange={(id) => setParams({ by: field?.name ?? '', pipeline: id }, { replace: true })} />}
        <Link to={`/o/${object.name}`} data-testid="kanban-table-view"><Button icon={<TableOutlined />}>{t('tableView')}</Button></Link>
      </Flex>
      {field ? <KanbanBoard key={`${field.name}-${pipeline?.id ?? ''}`} object={object} field={field} scope={scope} /> : <Result status="info" title={t('noChoiceField')} />}
    </>
  )
}
