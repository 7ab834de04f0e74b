import { AppstoreOutlined, DashboardOutlined, SafetyOutlined, TagsOutlined, TeamOutlined, UnorderedListOutlined, UserOutlined } from '@ant-design/icons'
import { Menu, Tabs, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { registerMessages } from '../i18n/register-messages.ts'
import { settingsMessages } from './messages.ts'
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router'
import { NotFound } from '../app/NotFound.tsx'
import { FieldsSettings } from './FieldsSettings.tsx'
import { ObjectsSettings } from './ObjectsSettings.tsx'
import { RolesSettings } from './RolesSettings.tsx'
import { TeamsSettings } from './TeamsSettings.tsx'
import { UsersSettings } from './UsersSettings.tsx'
import { TagsSettings } from '../tags/TagsSettings.tsx'
import { QualitySettings } from '../quality/QualitySettings.tsx'
import { useIsPhone } from '../app/use-is-phone.ts'
import { lazyNamed } from '../app/lazy-named.ts'
import { ApartmentOutlined, FormOutlined } from '@ant-design/icons'
import { FunnelPlotOutlined } from '@ant-design/icons'
import { AuditOutlined, FileTextOutlined } from '@ant-design/icons'

const WebFormsSettings = lazyNamed(() => import('../leads/WebFormsSettings.tsx'), 'WebFormsSettings')
const AssignmentSettings = lazyNamed(() => import('../leads/AssignmentSettings.tsx'), 'AssignmentSettings')
const PipelineSettings = lazyNamed(() => import('../pipelines/PipelineSettings.tsx'), 'PipelineSettings')
const QuoteSettings = lazyNamed(() => import('../quotes/QuoteSettings.tsx'), 'QuoteSettings')
const ApprovalSettings = lazyNamed(() => import('../approvals/ApprovalSettings.tsx'), 'ApprovalSettings')

registerMessages('settings', settingsMessages)

const SECTIONS: { key: string; icon: ReactNode; page: ReactNode }[] = [
  { key: 'users', icon: <UserOutlined />, page: <UsersSettings /> },
  { key: 'teams', icon: <TeamOutlined />, page: <TeamsSettings /> },
  { key: 'fields', icon: <UnorderedListOutlined />, page: <FieldsSettings /> },
  { key: 'objects', icon: <AppstoreOutlined />, page: <ObjectsSettings /> },
  { key: 'roles', icon: <SafetyOutlined />, page: <RolesSettings /> },
  { key: 'tags', icon: <TagsOutlined />, page: <TagsSettings /> },
  { key: 'quality', icon: <DashboardOutlined />, page: <QualitySettings /> },
  { key: 'web-forms', icon: <FormOutlined />, page: <WebFormsSettings /> },
  { key: 'lead-assignment', icon: <ApartmentOutlined />, page: <AssignmentSettings /> },
  { key: 'pipelines', icon: <FunnelPlotOutlined />, page: <PipelineSettings /> },
  { key: 'quotes', icon: <FileTextOutlined />, page: <QuoteSettings /> },
  { key: 'approvals', icon: <AuditOutlined />, page: <ApprovalSettings /> },
]

/** /settings/*: the administrator's pages, a menu on the left (on top on a phone). */
export function SettingsPage() {
  const { t } = useTranslation('settings')
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const phone = useIsPhone()
  const current = SECTIONS.find((section) => pathname.startsWith(`/settings/${section.key}`))?.key
  const items = SECTIONS.map((section) => ({ key: section.key, icon: section.icon, label: t(`section.${section.key}`) }))
  // A phone gets scrollable tabs, so the current section is always in sight.
  const menu = phone
    ? <Tabs activeKey={current} items={items} onChange={(key) => navigate(`/settings/${key}`)} size="small" data-testid="settings-nav" tabBarStyle={{ marginBottom: 0 }} />
    : <Menu mode="inline" selectedKeys={current ? [current] : []} data-testid="settings-nav" style={{ borderInlineEnd: 'none', background: 'transparent' }}
        items={items} onClick={({ key }) => navigate(`/settings/${key}`)} />
  return (
    <div style={{ display: 'flex', flexDirection: phone ? 'column' : 'row', gap: phone ? 8 : 24 }}>
      <div style={{ width: phone ? '100%' : 200, flexShrink: 0 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
        {menu}
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        {current && !phone && <Typography.Title level={4} style={{ marginTop: 0 }}>{t(`section.${current}`)}</Typography.Title>}
        <Routes>
          <Route index element={<Navigate to="users" replace />} />
          {SECTIONS.map((section) => <Route key={section.key} path={section.key} element={section.page} />)}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </div>
    </div>
  )
}
