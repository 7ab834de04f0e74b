import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { registerMessages } from '../i18n/register-messages.ts'
import { useIsAdmin } from '../settings/use-is-admin.ts'
import { pipelineMessages } from './messages.ts'
import { usePipelines, type Pipeline, type Stage } from './pipelines-api.ts'
import { usePipelineEdits } from './use-pipeline-edits.ts'

registerMessages('pipelines', pipelineMessages)

const CATEGORY_COLORS = { open: 'blue', won: 'green', lost: 'red' } as const

/** /settings/pipelines: pipelines, their stages in order, default probabilities and kinds. */
export function PipelineSettings() {
  const { t } = useTranslation('pipelines')
  const admin = useIsAdmin()
  const { data: pipelines = [], isPending } = usePipelines()
  const edit = usePipelineEdits(t('settings.saved'))
  const [newName, setNewName] = useState('')
  const template = pipelines.find((pipeline) => pipeline.is_default)?.stages ?? []
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="pipeline-settings">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('settings.intro')}</Typography.Paragraph>
      {pipelines.map((pipeline) => <PipelineCard key={pipeline.id} pipeline={pipeline} editable={admin} edit={edit.mutate} busy={edit.isPending} />)}
      {!isPending && admin && (
        <Card size="small" title={t('settings.newPipeline')}>
          <Flex gap={8} wrap>
            <Input value={newName} onChange={(event) => setNewName(event.target.value)} placeholder={t('settings.newPipelineName')} style={{ maxWidth: 280 }} data-testid="new-pipeline-name" />
            <Button type="primary" icon={<PlusOutlined />} disabled={!newName.trim()} loading={edit.isPending}
              onClick={() => edit.mutate({ kind: 'addPipeline', name: newName.trim(), template }, { onSuccess: () => setNewName('') })}>{t('settings.create')}</Button>
          </Flex>
          <Typography.Text type="secondary">{t('settings.copyDefault')}</Typography.Text>
        </Card>
      )}
    </Space>
  )
}

type EditFn = ReturnType<typeof usePipelineEdits>['mutate']

function PipelineCard({ pipeline, editable, edit, busy }: { pipeline: Pipeline; editable: boolean; edit: EditFn; busy: boolean }) {
  const { t } = useTranslation('pipelines')
  const stages = pipeline.stages
  const move = (index: number, by: number) => {
    const order = [...stages]
    ;[order[index], order[index + by]] = [order[index + by], order[index]]
    edit({ kind: 'reorder', stages: order })
  }
  const save = (stage: Stage, values: Partial<Stage>) => {
    const changed = Object.entries(values).some(([name, value]) => stage[name] !== value)
    if (changed) edit({ kind: 'stage', stage, values })
  }
  const columns = [
    { key: 'name', title: t('settings.stage'), render: (_: unknown, stage: Stage) => editable
      ? <Input key={`${stage.id}-${stage.version}`} defaultValue={stage.name} onBlur={(event) => save(stage, { name: event.target.value.trim() })} aria-label={t('settings.stage')} />
      : stage.name },
    { key: 'name_en', title: t('settings.nameEn'), render: (_: unknown, stage: Stage) => editable
      ? <Input key={`${stage.id}-${stage.version}`} defaultValue={stage.name_en ?? ''} onBlur={(event) => save(stage, { name_en: event.target.value.trim() || null })} aria-label={t('settings.nameEn')} />
      : stage.name_en },
    { key: 'probability', title: t('settings.probability'), width: 130, render: (_: unknown, stage: Stage) => editable
      ? <InputNumber key={`${stage.id}-${stage.version}`} min={0} max={100} precision={0} defaultValue={stage.probability} aria-label={t('settings.probability')}
          onBlur={(event) => { const value = Number(event.target.value); if (Number.isFinite(value)) save(stage, { probability: value }) }} />
      : `${stage.probability}%` },
    { key: 'category', title: t('settings.category'), width: 130, render: (_: unknown, stage: Stage) => editable
      ? <Select value={stage.category} style={{ width: 110 }} onChange={(category) => save(stage, { category })} aria-label={t('settings.category')}
          options={(['open', 'won', 'lost'] as const).map((value) => ({ value, label: <Tag color={CATEGORY_COLORS[value]}>{t(`settings.category.${value}`)}</Tag> }))} />
      : <Tag color={CATEGORY_COLORS[stage.category]}>{t(`settings.category.${stage.category}`)}</Tag> },
    ...(editable ? [{ key: 'actions', width: 130, render: (_: unknown, stage: Stage, index: number) => (
      <Space size={0}>
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0 || busy} aria-label={t('settings.moveUp')} onClick={() => move(index, -1)} />
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === stages.length - 1 || busy} aria-label={t('settings.moveDown')} onClick={() => move(index, 1)} />
        <Popconfirm title={t('settings.deleteConfirm')} onConfirm={() => edit({ kind: 'removeStage', stage })}>
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('settings.delete')} />
        </Popconfirm>
      </Space>
    ) }] : []),
  ]
  const extra = editable && (
    <Space>
      {!pipeline.is_default && <Button size="small" onClick={() => edit({ kind: 'makeDefault', pipeline })}>{t('settings.makeDefault')}</Button>}
      {!pipeline.is_default && (
        <Popconfirm title={t('settings.deletePipelineConfirm')} onConfirm={() => edit({ kind: 'removePipeline', pipeline })}>
          <Button size="small" danger>{t('settings.deletePipeline')}</Button>
        </Popconfirm>
      )}
    </Space>
  )
  return (
    <Card size="small" data-testid={`pipeline-${pipeline.id}`} extra={extra}
      title={<Space>{pipeline.name}{pipeline.is_default && <Tag color="blue">{t('default')}</Tag>}</Space>}>
      <Table rowKey="id" size="small" pagination={false} dataSource={stages} columns={columns} scroll={{ x: true }} />
      {editable && (
        <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} loading={busy}
          onClick={() => edit({ kind: 'addStage', pipeline, name: t('settings.newStageName') })}>{t('settings.addStage')}</Button>
      )}
    </Card>
  )
}
