import { defineMessages } from '../i18n/define-messages.ts'

export const searchMessages = defineMessages({
  en: {
    'placeholder': 'Search customers, contacts, deals… (Chinese, pinyin or initials)',
    'empty': 'No records match “{{q}}”',
    'hint': 'Type a name, company, email, phone, pinyin (zhangwei) or initials (zw)',
    'keys.move': '↑↓ to move',
    'keys.open': 'Enter to open',
    'keys.close': 'Esc to close',
    'title': 'Search',
  },
  'zh-CN': {
    'placeholder': '搜索客户、联系人、商机…（支持中文、拼音、首字母）',
    'empty': '没有与“{{q}}”匹配的记录',
    'hint': '输入姓名、公司、邮箱、电话、拼音（zhangwei）或首字母（zw）',
    'keys.move': '↑↓ 选择',
    'keys.open': 'Enter 打开',
    'keys.close': 'Esc 关闭',
    'title': '搜索',
  },
})
