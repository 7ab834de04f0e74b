import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Checkbox, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { recordsApi, type ApiRecord } from '../api/records.ts'
import { FieldValue, formatDateTime } from '../fields/FieldValue.tsx'
import { fieldOf } from '../metadata/use-metadata.ts'
import type { ObjectMeta } from '../metadata/types.ts'

/** A call, meeting, note or task on the timeline; a task can be ticked off here. */
export function TimelineActivity({ activities, activity, onChanged }: { activities: ObjectMeta; activity: ApiRecord; onChanged: () => void }) {
  const { t } = useTranslation('record-page')
  const { message } = App.useApp()
  const client = useQueryClient()
  const type = fieldOf(activities, 'type')
  // Calls, meetings and notes are logged as done; only what is still to do gets a tick box.
  const toDo = activity.type === 'task' || typeof activity.due_at === 'string'
  const done = useMutation({
    mutationFn: (checked: boolean) => recordsApi.update('activities', activity.id, activity.version, { done: checked }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['records', 'activities'] })
      onChanged()
    },
    onError: (error) => message.error(error.message),
  })
  return (
    <div data-testid={`timeline-activity-${activity.id}`}>
      <Space size={8} wrap>
        {type && <FieldValue field={type} value={activity.type} />}
        <Link to={`/o/activities/${activity.id}`} style={{ fontWeight: 500, textDecoration: toDo && activity.done ? 'line-through' : undefined }}>{String(activity.subject ?? '')}</Link>
      </Space>
      {typeof activity.description === 'string' && activity.description && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>{activity.description}</Typography.Paragraph>
      )}
      <Space size={12} wrap style={{ display: 'flex', marginTop: 4 }}>
        {typeof activity.due_at === 'string' && <Typography.Text type="secondary">{t('dueAt', { at: formatDateTime(activity.due_at) })}</Typography.Text>}
        {toDo && activities.permissions.update && (
          <Checkbox checked={activity.done === true} disabled={done.isPending} onChange={(event) => done.mutate(event.target.checked)}>{t('done')}</Checkbox>
        )}
      </Space>
    </div>
  )
}
