import { Card, Empty, Timeline as AntTimeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiRecord, TimelineEntry } from '../api/records.ts'
import { formatDateTime } from '../fields/FieldValue.tsx'
import { useFieldTitles } from '../fields/use-relation-titles.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import { activityIcon } from './activity-icons.tsx'
import { TimelineActivity } from './TimelineActivity.tsx'
import { TimelineChange, type ChangeEvent } from './TimelineChange.tsx'
import { TimelineRelated, type RelatedRef } from './TimelineRelated.tsx'
import { useTimeline } from './use-record.ts'

/** Relation values of the changes, as pseudo-records, so their names are fetched in one go. */
function changedValues(entries: TimelineEntry[]): ApiRecord[] {
  return entries.flatMap((entry) =>
    entry.kind === 'event' && !entry.related
      ? Object.entries((entry as unknown as ChangeEvent).changes ?? {}).flatMap(([name, change]) => [{ id: '', version: 0, [name]: change.before }, { id: '', version: 0, [name]: change.after }])
      : [],
  )
}

/** Activities and field changes of a record, and what happened to the records pointing at it, newest first (GET …/:id/timeline). */
export function Timeline({ object, activities, id, onChanged }: { object: ObjectMeta; activities?: ObjectMeta; id: string; onChanged: () => void }) {
  const { t } = useTranslation('record-page')
  const timeline = useTimeline(object.name, id)
  const entries = timeline.data ?? []
  const links = object.fields.filter((field) => field.name !== 'id' && (field.type === 'user' || (field.type === 'relation' && field.target !== '*')))
  const titles = useFieldTitles(links, changedValues(entries))
  const { data: objects = [] } = useMetadata()
  return (
    <Card size="small" title={t('timeline')} data-testid="timeline" loading={timeline.isPending}>
      {entries.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timelineEmpty')} /> : (
        <AntTimeline items={entries.map((entry, index) => {
          const activity = entry.kind === 'activity' ? (entry.activity as ApiRecord) : undefined
          const related = entry.related as RelatedRef | undefined
          const relatedObject = related && objects.find((candidate) => candidate.name === related.object)
          return {
            key: activity?.id ?? `${entry.at}-${index}`,
            icon: activity ? activityIcon(activity.type) : undefined,
            color: activity ? 'blue' : 'gray',
            content: (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(entry.at)}</Typography.Text>
                {activity && activities
                  ? <TimelineActivity activities={activities} activity={activity} onChanged={onChanged} />
                  : related && relatedObject
                    ? <TimelineRelated object={relatedObject} related={related} event={entry as unknown as ChangeEvent} />
                    : <TimelineChange object={object} event={entry as unknown as ChangeEvent} titles={titles} />}
              </>
            ),
          }
        })} />
      )}
    </Card>
  )
}
