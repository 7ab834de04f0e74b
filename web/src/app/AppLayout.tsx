import { LogoutOutlined, MenuOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Avatar, Button, Dropdown, Layout, Menu, Space, type MenuProps } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useNavigate } from 'react-router'
import { request } from '../api/client.ts'
import { sessionKey, type Session } from '../auth/use-session.ts'
import { useLabel } from '../metadata/labels.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import { usePoolNavItems } from '../pool/pool-nav.tsx'
import { useFollowUpNavItems } from '../reminders/follow-up-nav.tsx'
import { useQualityNavItems } from '../quality/quality-nav.tsx'
import { useAnalyticsNavItems } from '../forecast/analytics-nav.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { lazyNamed } from './lazy-named.ts'
import { CASH_MODULES, MODULE_ORDER, objectIcon, SETTINGS_OBJECTS } from './object-icons.tsx'
import { PageLoading } from './PageLoading.tsx'
import { useAfterFirstContent } from './first-content.ts'
import { useIsPhone } from './use-is-phone.ts'
import { useSearchShortcut } from './use-search-shortcut.ts'
import { Kbd } from './text.tsx'

const SearchPalette = lazyNamed(() => import('../search/SearchPalette.tsx'), 'SearchPalette')
const PhoneNav = lazyNamed(() => import('./PhoneNav.tsx'), 'PhoneNav')
const NotificationBell = lazyNamed(() => import('../notifications/NotificationBell.tsx'), 'NotificationBell')

const CASH_MENU = 'cash'

function useNavItems(): MenuProps['items'] {
  const { t } = useTranslation()
  const label = useLabel()
  const { data: objects = [] } = useMetadata()
  const standard = MODULE_ORDER.flatMap((name) => objects.filter((object) => object.name === name))
  const cash = CASH_MODULES.flatMap((name) => objects.filter((object) => object.name === name))
  const custom = objects.filter((object) => object.custom)
  const pool = usePoolNavItems(objects)
  const followUp = useFollowUpNavItems(objects)
  const quality = useQualityNavItems(objects)
  const analytics = useAnalyticsNavItems(objects)
  return [
    ...standard.map((object) => ({ key: `/o/${object.name}`, icon: objectIcon(object.name), label: label(object.pluralLabel) })),
    ...(cash.length > 0
      ? [{ key: CASH_MENU, icon: objectIcon('quotes'), label: t('nav.cash'), children: cash.map((object) => ({ key: `/o/${object.name}`, label: label(object.pluralLabel) })) }]
      : []),
    ...analytics,
    ...followUp,
    ...pool,
    ...quality,
    ...(custom.length > 0
      ? [{ type: 'group' as const, key: 'custom', label: t('nav.custom'), children: custom.map((object) => ({ key: `/o/${object.name}`, icon: objectIcon(object.name), label: label(object.pluralLabel) })) }]
      : []),
    { type: 'divider' as const },
    { key: '/settings', icon: <SettingOutlined />, label: t('nav.settings') },
  ].filter((item) => !('key' in item) || !SETTINGS_OBJECTS.has(String(item.key).slice(3)))
}

/** The signed-in frame: module navigation, the header with search, language and user menu. */
export function AppLayout({ session }: { session: Session }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const client = useQueryClient()
  const phone = useIsPhone()
  const secondary = useAfterFirstContent()
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [searchOpen, setSearchOpen] = useSearchShortcut()
  const items = useNavItems()
  const selected = location.pathname.startsWith('/settings') ? '/settings' : `/${location.pathname.split('/').slice(1, 3).join('/')}`
  const menu = (
    <Menu mode="inline" items={items} selectedKeys={[selected]} data-testid="module-nav"
      defaultOpenKeys={CASH_MODULES.some((name) => selected === `/o/${name}`) ? [CASH_MENU] : []}
      onClick={({ key }) => { setDrawerOpen(false); navigate(key) }} style={{ borderInlineEnd: 'none' }} />
  )
  const signOut = async () => {
    await request('/api/auth/sign-out', { method: 'POST' })
    client.clear()
    client.setQueryData(sessionKey, null)
    navigate('/sign-in')
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider theme="light" width={208} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>{t('product')}</div>
          {menu}
        </Layout.Sider>
      )}
      {phone && drawerOpen && <Suspense fallback={null}><PhoneNav onClose={() => setDrawerOpen(false)}>{menu}</PhoneNav></Suspense>}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: phone ? '0 8px' : '0 24px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}>
          {phone && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('nav.settings')} data-testid="open-nav" />}
          <Button icon={<SearchOutlined />} onClick={() => setSearchOpen(true)} data-testid="open-search" style={{ flex: phone ? 1 : undefined, width: phone ? undefined : 280, textAlign: 'start', color: '#999' }}>
            {t('header.search')}{!phone && <Kbd style={{ marginInlineStart: 'auto' }}>{t('header.searchKey')}</Kbd>}
          </Button>
          <div style={{ flex: 1 }} />
          {/* The bell's place is kept while it loads, so the header does not shift under the pointer. */}
          <span style={{ display: 'inline-flex', minWidth: 32 }}>
            {secondary && <Suspense fallback={null}><NotificationBell /></Suspense>}
          </span>
          <LanguageSwitch />
          {/* Opens on click (or tap: phones have no hover), like the language menu. */}
          <Dropdown trigger={['click']} menu={{ items: [{ key: 'sign-out', icon: <LogoutOutlined />, label: t('header.signOut'), onClick: () => void signOut() }] }}>
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar style={{ background: '#1677ff' }}>{session.user.name.slice(0, 1)}</Avatar>
              {!phone && <span>{session.user.name}</span>}
            </Space>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 8 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {searchOpen && (
        <Suspense fallback={null}>
          <SearchPalette open={searchOpen} onClose={() => setSearchOpen(false)} />
        </Suspense>
      )}
    </Layout>
  )
}
