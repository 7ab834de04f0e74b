import { FilterOutlined, PlusOutlined, ProjectOutlined, SearchOutlined } from '@ant-design/icons'
import { Badge, Button, Flex, Input } from 'antd'
import { Suspense, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Filter } from '../api/records.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { ColumnChooser } from './ColumnChooser.tsx'
import type { ListState } from './list-state.ts'
import { RecordCount } from './RecordCount.tsx'
import { SavedViews } from './SavedViews.tsx'
import { PageTitle } from '../app/text.tsx'
import { useIsPhone } from '../app/use-is-phone.ts'
import { lazyNamed } from '../app/lazy-named.ts'
import { useAfterFirstContent } from '../app/first-content.ts'

const ExportMenu = lazyNamed(() => import('../exports/ExportMenu.tsx'), 'ExportMenu')
const DuplicatesLink = lazyNamed(() => import('../duplicates/DuplicatesLink.tsx'), 'DuplicatesLink')
const ImportButton = lazyNamed(() => import('../imports/ImportButton.tsx'), 'ImportButton')

interface ListToolbarProps {
  object: ObjectMeta
  state: ListState
  onChange: (update: (state: ListState) => ListState) => void
  filter: Filter
  /** The rows of the current filters are in: the count is asked only then, so it never delays them. */
  rowsIn: boolean
  filtersOpen: boolean
  onToggleFilters: () => void
  onCreate: () => void
}

const SEARCH_DELAY_MS = 300

/** Title and count, saved views, quick search, filters, columns, kanban and "new". */
export function ListToolbar({ object, state, onChange, filter, rowsIn, filtersOpen, onToggleFilters, onCreate }: ListToolbarProps) {
  const { t } = useTranslation('records')
  const label = useLabel()
  const phone = useIsPhone()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const search = (q: string, now = false) => {
    clearTimeout(timer.current)
    if (now) onChange((current) => ({ ...current, q }))
    else timer.current = setTimeout(() => onChange((current) => ({ ...current, q })), SEARCH_DELAY_MS)
  }
  const hasKanban = object.fields.some((field) => field.type === 'single_select')
  const secondary = useAfterFirstContent()
  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={12} wrap>
        <PageTitle compact={phone}>{label(object.pluralLabel)}</PageTitle>
        <RecordCount object={object} filter={filter} q={state.q.trim()} enabled={rowsIn} />
        <div style={{ flex: 1 }} />
        {object.permissions.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="new-record">{t('new')}</Button>
        )}
      </Flex>
      <Flex align="center" gap={8} wrap>
        <SavedViews object={object} state={state} onChange={onChange} />
        <Input allowClear prefix={<SearchOutlined />} placeholder={t('search.placeholder')} style={{ width: phone ? '100%' : 240 }} data-testid="list-search"
          defaultValue={state.q} onChange={(event) => search(event.target.value)} onPressEnter={(event) => search(event.currentTarget.value, true)} />
        <Badge count={state.conditions.length} size="small">
          <Button icon={<FilterOutlined />} type={filtersOpen ? 'primary' : 'default'} ghost={filtersOpen} onClick={onToggleFilters} data-testid="open-filters">
            {t('filters.open')}
          </Button>
        </Badge>
        {!phone && <ColumnChooser object={object} columns={state.columns} onChange={(columns) => onChange((current) => ({ ...current, columns }))} />}
        {hasKanban && (
          <Link to={`/o/${object.name}/kanban`} data-testid="open-kanban"><Button icon={<ProjectOutlined />}>{t('kanban')}</Button></Link>
        )}
        {/* Secondary actions come after the first rows (last in the row, so nothing moves when they do). */}
        {secondary && (object.permissions.export || (object.name === 'contacts' && object.permissions.create)) && (
          <Suspense fallback={null}><ExportMenu object={object} state={state} filter={filter} /></Suspense>
        )}
        {secondary && Boolean(object.duplicateRules?.length) && <Suspense fallback={null}><DuplicatesLink object={object} /></Suspense>}
        {secondary && !phone && object.permissions.create && <Suspense fallback={null}><ImportButton object={object} /></Suspense>}
      </Flex>
    </Flex>
  )
}
