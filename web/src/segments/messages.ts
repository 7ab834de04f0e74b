import { defineMessages } from '../i18n/define-messages.ts'

/** Words of dynamic segments in the saved-views menu. */
export const segmentsMessages = defineMessages({
  en: {
    'group': 'Segments',
    'saveAsSegment': 'Save as a segment (live count)',
    'countTitle': 'Records in this segment now',
  },
  'zh-CN': {
    'group': '客户分群',
    'saveAsSegment': '保存为客户分群（实时计数）',
    'countTitle': '当前符合该分群的记录数',
  },
})
