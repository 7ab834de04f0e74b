import { defineMessages } from '../i18n/define-messages.ts'

/** The "Today" page: follow-up suggestions, overdue and due-today activities. */
export const todayMessages = defineMessages({
  en: {
    'title': 'Today',
    'intro': 'Who to contact today and why, and what is due.',
    'suggestions': 'Suggested follow-ups',
    'noSuggestions': 'No suggestions for today. Refresh to look again.',
    'refresh': 'Refresh',
    'done': 'Done',
    'dismiss': 'Dismiss',
    'overdue': 'Overdue activities',
    'noOverdue': 'Nothing overdue',
    'dueToday': 'Due today',
    'noDueToday': 'Nothing else is due today',
    'open': 'Open',
    'due': 'Due {{when}}',
  },
  'zh-CN': {
    'title': '今日待办',
    'intro': '今天该联系谁、为什么，以及到期的事项。',
    'suggestions': '跟进建议',
    'noSuggestions': '今天暂无跟进建议，可点击刷新重新生成。',
    'refresh': '刷新',
    'done': '已完成',
    'dismiss': '忽略',
    'overdue': '已逾期的活动',
    'noOverdue': '没有逾期事项',
    'dueToday': '今日到期',
    'noDueToday': '今天没有其他到期事项',
    'open': '查看',
    'due': '截止 {{when}}',
  },
})
