import { DeleteOutlined, DownOutlined, SaveOutlined, TeamOutlined } from '@ant-design/icons'
import { App, Button, Checkbox, Dropdown, Flex, Input, Popconfirm, Popover, Space, Tag, type MenuProps } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { useSession } from '../auth/use-session.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { initialListState, type ListState } from './list-state.ts'
import { matchesView, stateOfView, useSavedViews, useViewMutations, type SavedView } from './use-saved-views.ts'
import { lazyNamed } from '../app/lazy-named.ts'

const SegmentCount = lazyNamed(() => import('../segments/SegmentCount.tsx'), 'SegmentCount')

interface SavedViewsProps {
  object: ObjectMeta
  state: ListState
  onChange: (update: (state: ListState) => ListState) => void
}

/** Switch between "all records", your views and shared views; save the current list as a view; delete your own. */
export function SavedViews({ object, state, onChange }: SavedViewsProps) {
  const { t } = useTranslation('records')
  const { t: ts } = useTranslation('segments')
  const { message } = App.useApp()
  const { data: session } = useSession()
  const { data: views = [] } = useSavedViews(object)
  const mutations = useViewMutations(object)
  const current = views.find((view) => view.id === state.viewId)
  const mayChange = (view: SavedView) => view.owner_id === session?.user.id || session?.role === 'admin'
  const segments = views.filter((view) => view.kind === 'segment')
  const mine = views.filter((view) => view.kind !== 'segment' && view.owner_id === session?.user.id)
  const shared = views.filter((view) => view.kind !== 'segment' && view.owner_id !== session?.user.id)
  const select = (id: string) => {
    const view = views.find((candidate) => candidate.id === id)
    onChange(() => (view ? stateOfView(object, view) : initialListState(object)))
  }
  const failed = (error: unknown) => message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('views.failed'))
  const item = (view: SavedView) => ({
    key: view.id,
    label: <Space size={4}>{view.name}{view.shared && <TeamOutlined />}{view.kind === 'segment' && <Suspense fallback={null}><SegmentCount object={object.name} id={view.id} /></Suspense>}</Space>,
  })
  const items: MenuProps['items'] = [
    { key: '', label: t('views.all') },
    ...(mine.length > 0 ? [{ type: 'group' as const, key: 'mine', label: t('views.mine'), children: mine.map(item) }] : []),
    ...(shared.length > 0 ? [{ type: 'group' as const, key: 'shared', label: t('views.shared'), children: shared.map(item) }] : []),
    ...(segments.length > 0 ? [{ type: 'group' as const, key: 'segments', label: ts('group'), children: segments.map(item) }] : []),
  ]
  return (
    <Space.Compact>
      <Dropdown trigger={['click']} menu={{ items, selectable: true, selectedKeys: [current?.id ?? ''], onClick: ({ key }) => select(key) }}>
        <Button style={{ minWidth: 180, justifyContent: 'space-between' }} data-testid="view-select" iconPlacement="end" icon={<DownOutlined />}>
          {current?.name ?? t('views.all')}
        </Button>
      </Dropdown>
      {current && !matchesView(object, state, current) && <Tag color="orange" style={{ alignSelf: 'center', marginInline: 8 }}>{t('views.modified')}</Tag>}
      <SaveViewButton current={current && mayChange(current) ? current : undefined}
        onCreate={(name, isShared, segment) => mutations.create.mutateAsync({ name, shared: isShared, state, segment }).then((view) => {
          message.success(t('views.saved'))
          onChange((latest) => ({ ...latest, viewId: view.id }))
        }, failed)}
        onUpdate={(view, isShared) => mutations.update.mutateAsync({ view, shared: isShared, state }).then(() => void message.success(t('views.saved')), failed)} />
      {current && mayChange(current) && (
        <Popconfirm title={t('views.deleteConfirm', { name: current.name })} okText={t('views.delete')} cancelText={t('filters.cancel')} okButtonProps={{ danger: true }}
          onConfirm={() => mutations.remove.mutateAsync(current).then(() => onChange(() => initialListState(object)), failed)}>
          <Button icon={<DeleteOutlined />} aria-label={t('views.delete')} data-testid="view-delete" />
        </Popconfirm>
      )}
    </Space.Compact>
  )
}

interface SaveViewButtonProps {
  current?: SavedView
  onCreate: (name: string, shared: boolean, segment: boolean) => Promise<unknown>
  onUpdate: (view: SavedView, shared: boolean) => Promise<unknown>
}

function SaveViewButton({ current, onCreate, onUpdate }: SaveViewButtonProps) {
  const { t } = useTranslation('records')
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [shared, setShared] = useState(false)
  const [segment, setSegment] = useState(false)
  const { t: ts } = useTranslation('segments')
  const [busy, setBusy] = useState(false)
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    await action()
    setBusy(false)
    setOpen(false)
    setName('')
  }
  const content = (
    <Flex vertical gap={8} style={{ width: 260 }}>
      <Input placeholder={t('views.name')} value={name} maxLength={100} onChange={(event) => setName(event.target.value)} data-testid="view-name"
        onPressEnter={() => name.trim() && void run(() => onCreate(name.trim(), shared, segment))} />
      <Checkbox checked={shared} onChange={(event) => setShared(event.target.checked)} data-testid="view-shared">{t('views.shareWithTeam')}</Checkbox>
      <Checkbox checked={segment} onChange={(event) => setSegment(event.target.checked)} data-testid="view-segment">{ts('saveAsSegment')}</Checkbox>
      <Button type="primary" disabled={!name.trim()} loading={busy} onClick={() => void run(() => onCreate(name.trim(), shared, segment))} data-testid="view-create">
        {t('views.saveNew')}
      </Button>
      {current && (
        <Button loading={busy} onClick={() => void run(() => onUpdate(current, shared))} data-testid="view-update">{t('views.update', { name: current.name })}</Button>
      )}
    </Flex>
  )
  return (
    <Popover trigger="click" open={open} onOpenChange={(next) => { setOpen(next); if (next) setShared(Boolean(current?.shared)) }} title={t('views.saveTitle')} content={content}>
      <Button icon={<SaveOutlined />} data-testid="view-save">{t('views.save')}</Button>
    </Popover>
  )
}
