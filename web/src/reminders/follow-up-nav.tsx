import { AuditOutlined, CalendarOutlined } from '@ant-design/icons'
import { Space } from 'antd'
import { Suspense } from 'react'
import i18next from 'i18next'
import { useTranslation } from 'react-i18next'
import { defineMessages } from '../i18n/define-messages.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { useAfterFirstContent } from '../app/first-content.ts'
import { lazyNamed } from '../app/lazy-named.ts'

// The count (and the approvals API) comes after the first screen's content.
const ApprovalsWaiting = lazyNamed(() => import('./ApprovalsWaiting.tsx'), 'ApprovalsWaiting')

// Only the navigation labels load with the first screen; the pages bring the rest of their words.
const navMessages = defineMessages({
  en: { 'today': 'Today', 'approvals': 'Approvals' },
  'zh-CN': { 'today': '今日待办', 'approvals': '审批' },
})

// The Settings page names its sections from its own namespace; the approvals section brings its name here.
const settingsSection = defineMessages({ en: { 'section.approvals': 'Approvals' }, 'zh-CN': { 'section.approvals': '审批设置' } })

function registerNavMessages() {
  if (i18next.hasResourceBundle('en', 'approval-nav')) return
  registerMessages('approval-nav', navMessages)
  registerMessages('settings', settingsSection)
}

/** Navigation entries of the daily follow-up page and the approval inbox (with how many wait for the caller). */
export function useFollowUpNavItems(objects: ObjectMeta[]) {
  registerNavMessages()
  const { t } = useTranslation('approval-nav')
  const readsApprovals = objects.some((object) => object.name === 'approvals' && object.permissions.read)
  const secondary = useAfterFirstContent()
  if (objects.length === 0) return []
  return [
    { key: '/today', icon: <CalendarOutlined />, label: t('today') },
    ...(readsApprovals
      ? [{ key: '/approvals', icon: <AuditOutlined />, label: <Space size={6}>{t('approvals')}{secondary && <Suspense fallback={null}><ApprovalsWaiting /></Suspense>}</Space> }]
      : []),
  ]
}
