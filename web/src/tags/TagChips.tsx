import { Space, Tag } from 'antd'
import { useTags } from './use-tags.ts'

/** Tag ids as coloured chips; a tag not loaded yet shows its title (or an ellipsis). */
export function TagChips({ ids, titles }: { ids: string[]; titles?: Record<string, string> }) {
  const { data: tags = [], isSuccess } = useTags()
  const byId = new Map(tags.map((tag) => [tag.id, tag]))
  // A deleted tag may linger in a record's list until it is next saved: not shown.
  const shown = isSuccess ? ids.filter((id) => byId.has(id)) : ids
  return (
    <Space size={[0, 4]} wrap data-testid="tag-chips">
      {shown.map((id) => <Tag key={id} color={byId.get(id)?.color ?? undefined}>{byId.get(id)?.name ?? titles?.[id] ?? '…'}</Tag>)}
    </Space>
  )
}
