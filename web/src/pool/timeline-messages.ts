import { defineMessages } from '../i18n/define-messages.ts'

/** Labels of the pool's account events, added to the record page's timeline namespace. */
export const poolTimelineMessages = defineMessages({
  en: {
    'event.claimed': 'Claimed from the pool by {{who}}',
    'event.released': 'Released to the pool by {{who}}',
    'event.returned_to_pool': 'Returned to the pool: no follow-up in time',
  },
  'zh-CN': {
    'event.claimed': '{{who}} 从公海领取',
    'event.released': '{{who}} 释放到公海',
    'event.returned_to_pool': '超期未跟进，自动退回公海',
  },
})
