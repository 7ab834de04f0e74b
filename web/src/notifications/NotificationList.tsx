import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Empty, Flex, List, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { notificationsApi, type AppNotification } from '../api/notifications.ts'

/** The caller's notifications, newest first, unread in bold; opening one marks it read and goes to its record. */
export function NotificationList({ onNavigate }: { onNavigate: () => void }) {
  const { t, i18n } = useTranslation('notifications')
  const client = useQueryClient()
  const navigate = useNavigate()
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list', i18n.language],
    queryFn: ({ pageParam }) => notificationsApi.list({ cursor: pageParam, limit: 20 }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  })
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] })
  const open = async (notification: AppNotification) => {
    if (!notification.read_at) await notificationsApi.markRead([notification.id])
    void refresh()
    if (notification.object && notification.record_id) {
      onNavigate()
      navigate(`/o/${notification.object}/${notification.record_id}`)
    }
  }
  const items = list.data?.pages.flatMap((page) => page.data) ?? []
  const unread = list.data?.pages[0]?.unread_count ?? 0
  return (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {unread > 0 && (
        <Flex justify="flex-end">
          <Button type="link" size="small" data-testid="notification-mark-all" onClick={() => void notificationsApi.markAllRead().then(refresh)}>{t('markAllRead')}</Button>
        </Flex>
      )}
      <List<AppNotification> loading={list.isPending} dataSource={items} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} /> }}
        renderItem={(notification) => (
          <List.Item data-testid="notification-item" style={{ cursor: 'pointer', paddingInline: 4 }} onClick={() => void open(notification)}>
            <List.Item.Meta
              title={<Typography.Text strong={!notification.read_at}>{notification.title}</Typography.Text>}
              description={
                <>
                  {notification.body && <div>{notification.body}</div>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{new Date(notification.created_at).toLocaleString(i18n.language)}</Typography.Text>
                </>
              } />
          </List.Item>
        )} />
      {list.hasNextPage && (
        <Flex justify="center"><Button size="small" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('loadMore')}</Button></Flex>
      )}
    </div>
  )
}
