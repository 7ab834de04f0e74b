import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSegmentCounts } from './use-segments.ts'

/** A segment's live count beside its name in the saved-views menu. */
export function SegmentCount({ object, id }: { object: string; id: string }) {
  const { t, i18n } = useTranslation('segments')
  const { data: counts } = useSegmentCounts(object)
  const count = counts?.get(id)
  if (count === undefined || count === null) return null
  return <Tag color="blue" title={t('countTitle')} data-testid="segment-count" style={{ marginInlineEnd: 0 }}>{count.toLocaleString(i18n.language)}</Tag>
}
