import { defineMessages } from '../i18n/define-messages.ts'

export const recordPageMessages = defineMessages({
  en: {
    'title': 'RecordPage',
  },
  'zh-CN': {
    'title': 'RecordPage',
  },
})
