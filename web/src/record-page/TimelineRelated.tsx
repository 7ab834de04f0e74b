import { Space, Typography } from 'antd'
import { Link } from 'react-router'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { TimelineChange, type ChangeEvent } from './TimelineChange.tsx'

export interface RelatedRef {
  object: string
  id: string
  title: string | null
}

/** An event of a record that points at this one (a deal of an account): which record, then what happened to it. */
export function TimelineRelated({ object, related, event }: { object: ObjectMeta; related: RelatedRef; event: ChangeEvent }) {
  const label = useLabel()
  return (
    <div data-testid={`timeline-related-${related.object}`}>
      <Space size={6}>
        <Typography.Text type="secondary">{label(object.label)}</Typography.Text>
        <Link to={`/o/${related.object}/${related.id}`}>{related.title || related.id}</Link>
      </Space>
      <TimelineChange object={object} event={event} titles={{}} />
    </div>
  )
}
