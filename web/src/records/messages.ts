import { defineMessages } from '../i18n/define-messages.ts'

export const recordsMessages = defineMessages({
  en: {
    'title': 'ListPage',
  },
  'zh-CN': {
    'title': 'ListPage',
  },
})
