import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { registerMessages } from '../i18n/register-messages.ts'
import { pipelineMessages } from './messages.ts'
import type { Pipeline } from './pipelines-api.ts'

registerMessages('pipelines', pipelineMessages)

/** Which pipeline a board shows, when the workspace has several. */
export function PipelinePicker({ pipelines, value, onChange }: { pipelines: Pipeline[]; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('pipelines')
  return (
    <Select value={value} onChange={onChange} style={{ minWidth: 180 }} aria-label={t('picker')} data-testid="kanban-pipeline"
      options={pipelines.map((pipeline) => ({ value: pipeline.id, label: pipeline.is_default ? `${pipeline.name} (${t('default')})` : pipeline.name }))} />
  )
}
