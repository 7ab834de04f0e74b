import { Card, Empty, Tag, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta } from '../metadata/types.ts'
import { formatMoney } from '../fields/format-money.ts'
import { formatDuration } from './duration.ts'
import { pipelineMessages } from './messages.ts'
import { useStageHistory } from './pipelines-api.ts'

registerMessages('pipelines', pipelineMessages)

/** An opportunity's way through its stages: when it entered each, how long it stayed, and the total per stage. */
export function StageHistory({ record, stageField }: { record: ApiRecord; stageField: FieldMeta }) {
  const { t, i18n } = useTranslation('pipelines')
  const label = useLabel()
  const history = useStageHistory(record.id, record.version)
  const stageName = (value: string | null) => label(stageField.options?.find((option) => option.value === value)?.label) || (value ?? '')
  const colorOf = (value: string) => stageField.options?.find((option) => option.value === value)?.color
  const visits = history.data?.data ?? []
  const when = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <Card size="small" title={t('history.title')} loading={history.isPending} data-testid="stage-history">
      {visits.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} /> : (
        <>
          <Timeline items={[...visits].reverse().map((visit) => ({
            color: colorOf(visit.to_stage) ?? 'blue',
            content: (
              <div>
                <Typography.Text strong>{visit.from_stage ? t('history.moved', { from: stageName(visit.from_stage), to: stageName(visit.to_stage) }) : t('history.entered', { stage: stageName(visit.to_stage) })}</Typography.Text>
                <div><Typography.Text type="secondary">{when(visit.changed_at)}{visit.amount ? ` · ${formatMoney(visit.amount.amount, visit.amount.currency)}` : ''}</Typography.Text></div>
                <Typography.Text type={visit.current ? 'success' : 'secondary'}>
                  {visit.current ? t('history.current', { duration: formatDuration(t, visit.seconds_in_stage) }) : t('history.for', { duration: formatDuration(t, visit.seconds_in_stage) })}
                </Typography.Text>
              </div>
            ),
          }))} />
          <Typography.Text type="secondary">{t('history.total')}</Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 6 }}>
            {history.data?.time_in_stage.map((total) => (
              <Tag key={total.stage} color={colorOf(total.stage)}>
                {stageName(total.stage)} · {formatDuration(t, total.seconds)}{total.visits > 1 ? ` · ${t('history.visits', { count: total.visits })}` : ''}
              </Tag>
            ))}
          </div>
        </>
      )}
    </Card>
  )
}
