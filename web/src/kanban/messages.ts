import { defineMessages } from '../i18n/define-messages.ts'

export const kanbanMessages = defineMessages({
  en: {
    'title': '{{object}} board',
    'notFound': 'There is no such object.',
    'tableView': 'Table',
    'groupBy': 'Group by',
    'byField': 'By {{field}}',
    'total': 'Total {{amount}}',
    'empty': 'No records',
    'loadMore': 'Load more',
    'noValue': 'No value',
    'newCard': 'New record in this column',
    'moveFailed': 'The card could not be moved.',
    'noChoiceField': 'This object has no single-choice field to group a board by.',
  },
  'zh-CN': {
    'title': '{{object}}看板',
    'notFound': '没有这个对象。',
    'tableView': '表格',
    'groupBy': '分组字段',
    'byField': '按{{field}}',
    'total': '合计 {{amount}}',
    'empty': '暂无记录',
    'loadMore': '加载更多',
    'noValue': '未设置',
    'newCard': '在此列新建记录',
    'moveFailed': '卡片移动失败。',
    'noChoiceField': '该对象没有可用于看板分组的单选字段。',
  },
})
