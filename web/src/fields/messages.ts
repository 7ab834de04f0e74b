import { defineMessages } from '../i18n/define-messages.ts'

/** Words for field values, filter operators and relative periods. */
export const fieldMessages = defineMessages({
  en: {
    'op.eq': 'is', 'op.neq': 'is not', 'op.gt': 'greater than', 'op.gte': 'at least', 'op.lt': 'less than', 'op.lte': 'at most',
    'op.between': 'between', 'op.in': 'is any of', 'op.nin': 'is none of', 'op.contains': 'contains', 'op.starts_with': 'starts with',
    'op.is_empty': 'is empty', 'op.is_not_empty': 'is not empty', 'op.has_any': 'has any of', 'op.has_all': 'has all of', 'op.relative': 'in period',
    'period.today': 'Today', 'period.yesterday': 'Yesterday', 'period.tomorrow': 'Tomorrow', 'period.this_week': 'This week', 'period.last_week': 'Last week',
    'period.this_month': 'This month', 'period.last_month': 'Last month', 'period.next_month': 'Next month', 'period.this_quarter': 'This quarter',
    'period.last_quarter': 'Last quarter', 'period.this_year': 'This year', 'period.last_year': 'Last year', 'period.last_7_days': 'Last 7 days',
    'period.last_30_days': 'Last 30 days', 'period.last_90_days': 'Last 90 days', 'period.next_7_days': 'Next 7 days', 'period.next_30_days': 'Next 30 days',
    'address.country': 'Country', 'address.province': 'Province', 'address.city': 'City', 'address.district': 'District', 'address.street': 'Street', 'address.postcode': 'Postcode',
    'file.name': 'File name', 'file.url': 'Link',
    'picker.search': 'Type to search', 'picker.none': 'No match',
    'value.empty': '—',
  },
  'zh-CN': {
    'op.eq': '等于', 'op.neq': '不等于', 'op.gt': '大于', 'op.gte': '大于等于', 'op.lt': '小于', 'op.lte': '小于等于',
    'op.between': '介于', 'op.in': '属于', 'op.nin': '不属于', 'op.contains': '包含', 'op.starts_with': '开头是',
    'op.is_empty': '为空', 'op.is_not_empty': '不为空', 'op.has_any': '包含任一', 'op.has_all': '包含全部', 'op.relative': '时间范围',
    'period.today': '今天', 'period.yesterday': '昨天', 'period.tomorrow': '明天', 'period.this_week': '本周', 'period.last_week': '上周',
    'period.this_month': '本月', 'period.last_month': '上月', 'period.next_month': '下月', 'period.this_quarter': '本季度',
    'period.last_quarter': '上季度', 'period.this_year': '今年', 'period.last_year': '去年', 'period.last_7_days': '最近 7 天',
    'period.last_30_days': '最近 30 天', 'period.last_90_days': '最近 90 天', 'period.next_7_days': '未来 7 天', 'period.next_30_days': '未来 30 天',
    'address.country': '国家', 'address.province': '省份', 'address.city': '城市', 'address.district': '区县', 'address.street': '街道地址', 'address.postcode': '邮编',
    'file.name': '文件名', 'file.url': '链接',
    'picker.search': '输入以搜索', 'picker.none': '没有匹配项',
    'value.empty': '—',
  },
})
