import { defineMessages } from '../i18n/define-messages.ts'

export const kanbanMessages = defineMessages({
  en: {
    'title': 'KanbanPage',
  },
  'zh-CN': {
    'title': 'KanbanPage',
  },
})
