import { label, type SelectOption } from '../object-definition.ts'

const option = (value: string, en: string, zh: string, extra: Partial<SelectOption> = {}): SelectOption => ({ value, label: label(en, zh), ...extra })

/** What reaching a pipeline stage means: still open, or closed as won or lost. */
export const STAGE_CATEGORIES: SelectOption[] = [
  option('open', 'Open', '进行中', { color: 'blue' }),
  option('won', 'Won', '赢单', { color: 'green' }),
  option('lost', 'Lost', '输单', { color: 'red' }),
]

/** Forecast categories: where an opportunity counts in the forecast (defaulted from its stage's category). */
export const FORECAST_CATEGORIES: SelectOption[] = [
  option('pipeline', 'Pipeline', '进行中', { color: 'blue' }),
  option('best_case', 'Best case', '乐观', { color: 'cyan' }),
  option('commit', 'Commit', '承诺', { color: 'gold' }),
  option('closed', 'Closed', '已成交', { color: 'green' }),
  option('omitted', 'Omitted', '不计入', { color: 'default' }),
]

export const WON_REASONS: SelectOption[] = [
  option('price', 'Price', '价格优势'),
  option('product_fit', 'Product fit', '产品匹配'),
  option('relationship', 'Relationship', '客户关系'),
  option('service', 'Service', '服务能力'),
  option('brand', 'Brand', '品牌信任'),
  option('other', 'Other', '其他'),
]

export const LOST_REASONS: SelectOption[] = [
  option('price', 'Price too high', '价格过高'),
  option('competitor', 'Chose a competitor', '选择了竞争对手'),
  option('no_budget', 'No budget', '预算不足'),
  option('no_decision', 'No decision', '项目搁置'),
  option('requirements', 'Requirements not met', '需求不匹配'),
  option('timing', 'Timing', '时机不合适'),
  option('other', 'Other', '其他'),
]

export const QUOTA_PERIODS: SelectOption[] = [
  option('month', 'Month', '月度'),
  option('quarter', 'Quarter', '季度'),
]
