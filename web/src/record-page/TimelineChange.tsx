import { ArrowRightOutlined } from '@ant-design/icons'
import { Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { FieldValue } from '../fields/FieldValue.tsx'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'

export interface ChangeEvent {
  type: string
  changes: Record<string, { before: unknown; after: unknown }> | null
  actor: { id: string; name: string } | null
}

const HIDDEN = new Set(['version', 'updated_at', 'updated_by', 'created_at', 'created_by', 'last_activity_at'])

/** A record event: created, deleted, or which fields changed from what to what, and who did it. */
export function TimelineChange({ object, event, titles }: { object: ObjectMeta; event: ChangeEvent; titles: Record<string, string> }) {
  const { t, i18n } = useTranslation('record-page')
  const label = useLabel()
  const who = event.actor?.name || t('system')
  const changes = Object.entries(event.changes ?? {}).filter(([name]) => !HIDDEN.has(name))
  // A module's event label may name what its event recorded (the assignee, the rule): its text values.
  const textParams = Object.fromEntries(Object.entries(event.changes ?? {}).flatMap(([name, change]) => (typeof change?.after === 'string' ? [[name, change.after]] : [])))
  // Modules may register labels of their own event types (event.claimed …) in this namespace.
  const known = ['created', 'updated', 'deleted', 'restored'].includes(event.type) || i18n.exists(`event.${event.type}`, { ns: 'record-page' }) ? event.type : 'other'
  return (
    <div>
      <Typography.Text type="secondary">{t(`event.${known}`, { ...textParams, who, type: event.type })}</Typography.Text>
      {event.type === 'updated' && changes.map(([name, change]) => {
        const field = object.fields.find((candidate) => candidate.name === name)
        if (!field) return null
        return (
          <div key={name} style={{ marginTop: 2 }} data-testid={`change-${name}`}>
            <Space size={6} wrap>
              <Typography.Text strong>{label(field.label)}</Typography.Text>
              <FieldValue field={field} value={change.before} titles={titles} />
              <ArrowRightOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
              <FieldValue field={field} value={change.after} titles={titles} />
            </Space>
          </div>
        )
      })}
    </div>
  )
}
