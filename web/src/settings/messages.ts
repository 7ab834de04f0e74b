import { defineMessages } from '../i18n/define-messages.ts'

export const settingsMessages = defineMessages({
  en: {
    'title': 'SettingsPage',
  },
  'zh-CN': {
    'title': 'SettingsPage',
  },
})
