import { Space, Tag } from 'antd'
import { Suspense } from 'react'
import { Link } from 'react-router'
import { formatFieldValue } from '../../../server/src/metadata/field-types/format-value.ts'
import { currentLanguage } from '../i18n/i18n.ts'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta } from '../metadata/types.ts'
import { isEmptyValue } from './is-empty-value.ts'
import { Muted } from '../app/text.tsx'
import { lazyNamed } from '../app/lazy-named.ts'
import { isTagsField } from './is-tags-field.ts'

const TagChips = lazyNamed(() => import('../tags/TagChips.tsx'), 'TagChips')


const EMPTY = <Muted>—</Muted>

/** A datetime in the reader's own time zone and language. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

function OptionTag({ field, value }: { field: FieldMeta; value: string }) {
  const label = useLabel()
  const option = field.options?.find((candidate) => candidate.value === value)
  return <Tag color={option?.color}>{option ? label(option.label) : value}</Tag>
}

/**
 * A field value as a person reads it: formatting by the field type's own code (locale-aware
 * numbers, ¥/$ money, dates), tags for choices, links for relations, mail and phone.
 */
export function FieldValue({ field, value, titles }: { field: FieldMeta; value: unknown; titles?: Record<string, string> }) {
  if (isEmptyValue(value)) return EMPTY
  switch (field.type) {
    case 'single_select':
      return <OptionTag field={field} value={String(value)} />
    case 'multi_select':
      return <Space size={[0, 4]} wrap>{(value as string[]).map((item) => <OptionTag key={item} field={field} value={item} />)}</Space>
    case 'relation':
    case 'user': {
      const ids = Array.isArray(value) ? (value as string[]) : [String(value)]
      const target = field.type === 'user' ? 'users' : field.target!
      if (isTagsField(field)) return <Suspense fallback={null}><TagChips ids={ids} titles={titles} /></Suspense>
      return (
        <Space size={[8, 0]} wrap>
          {ids.map((id) => <Link key={id} to={`/o/${target}/${id}`} onClick={(event) => event.stopPropagation()}>{titles?.[id] ?? '…'}</Link>)}
        </Space>
      )
    }
    case 'email':
      return <a href={`mailto:${String(value)}`} onClick={(event) => event.stopPropagation()}>{String(value)}</a>
    case 'phone':
      return <a href={`tel:${String(value).replace(/[^\d+]/g, '')}`} onClick={(event) => event.stopPropagation()}>{String(value)}</a>
    case 'url':
      return <a href={String(value)} target="_blank" rel="noreferrer noopener" onClick={(event) => event.stopPropagation()}>{String(value)}</a>
    case 'file': {
      const file = value as { name: string; url: string }
      return <a href={file.url} target="_blank" rel="noreferrer noopener">{file.name}</a>
    }
    case 'rating':
      return <span style={{ color: '#fadb14', letterSpacing: 1 }}>{formatFieldValue(value, field, currentLanguage())}</span>
    case 'datetime':
      return <>{formatDateTime(String(value))}</>
    case 'long_text':
    case 'rich_text':
      return <span title={String(value)} style={{ whiteSpace: 'pre-wrap', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>{String(value)}</span>
    default:
      return <>{formatFieldValue(value, field, currentLanguage())}</>
  }
}
