import { defineMessages } from '../i18n/define-messages.ts'

/** The header bell and the notification list. */
export const notificationMessages = defineMessages({
  en: {
    'bell': 'Notifications',
    'title': 'Notifications',
    'markAllRead': 'Mark all read',
    'empty': 'No notifications',
    'loadMore': 'Load more',
  },
  'zh-CN': {
    'bell': '通知',
    'title': '通知',
    'markAllRead': '全部已读',
    'empty': '暂无通知',
    'loadMore': '加载更多',
  },
})
