import { defineMessages } from '../i18n/define-messages.ts'

export const searchMessages = defineMessages({
  en: {
    'placeholder': 'Search customers, contacts, deals… (Chinese, pinyin or initials)',
  },
  'zh-CN': {
    'placeholder': '搜索客户、联系人、商机…（支持中文、拼音、首字母）',
  },
})
