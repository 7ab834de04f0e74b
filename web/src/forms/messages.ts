import { defineMessages } from '../i18n/define-messages.ts'

export const formsMessages = defineMessages({
  en: {
    'create.title': 'New {{object}}',
    'edit.title': 'Edit {{object}}',
    'created': '{{object}} created',
    'stale': 'Someone else changed this record. Reload it and try again.',
  },
  'zh-CN': {
    'create.title': '新建{{object}}',
    'edit.title': '编辑{{object}}',
    'created': '已创建{{object}}',
    'stale': '该记录已被他人修改，请刷新后重试。',
  },
})
