import { BellOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Badge, Button, Popover } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { notificationsApi } from '../api/notifications.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { notificationMessages } from './messages.ts'
import { NotificationList } from './NotificationList.tsx'

registerMessages('notifications', notificationMessages)

export const notificationsKey = ['notifications'] as const
const POLL_MS = 60_000

/** The header bell: the unread count, polled each minute, and the list in a popover. */
export function NotificationBell() {
  const { t, i18n } = useTranslation('notifications')
  const [open, setOpen] = useState(false)
  const unread = useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: () => notificationsApi.list({ limit: 1 }).then((page) => page.unread_count),
    refetchInterval: POLL_MS,
  })
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={t('title')} destroyOnHidden
      content={<NotificationList key={i18n.language} onNavigate={() => setOpen(false)} />}>
      <Badge count={unread.data ?? 0} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('bell')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  )
}
