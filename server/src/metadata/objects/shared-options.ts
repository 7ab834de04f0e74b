import { label, type SelectOption } from '../object-definition.ts'

const option = (value: string, en: string, zh: string, extra: Partial<SelectOption> = {}): SelectOption => ({ value, label: label(en, zh), ...extra })

export const INDUSTRY_OPTIONS: SelectOption[] = [
  option('manufacturing', 'Manufacturing', '制造业'),
  option('internet', 'Internet', '互联网'),
  option('finance', 'Finance', '金融'),
  option('retail', 'Retail', '零售'),
  option('education', 'Education', '教育'),
  option('healthcare', 'Healthcare', '医疗健康'),
  option('real_estate', 'Real estate', '房地产'),
  option('logistics', 'Logistics', '物流'),
  option('energy', 'Energy', '能源'),
  option('government', 'Government', '政府与公共事业'),
  option('other', 'Other', '其他'),
]

export const SOURCE_OPTIONS: SelectOption[] = [
  option('web_form', 'Web form', '官网表单'),
  option('referral', 'Referral', '客户转介绍'),
  option('campaign', 'Campaign', '市场活动'),
  option('trade_show', 'Trade show', '展会'),
  option('cold_call', 'Cold call', '电话开发'),
  option('partner', 'Partner', '合作伙伴'),
  option('import', 'Import', '导入'),
  option('api', 'API', '接口'),
  option('other', 'Other', '其他'),
]

export const LIFECYCLE_OPTIONS: SelectOption[] = [
  option('prospect', 'Prospect', '潜在客户'),
  option('customer', 'Customer', '成交客户'),
  option('partner', 'Partner', '合作伙伴'),
  option('churned', 'Churned', '流失客户'),
]

export const TIER_OPTIONS: SelectOption[] = [
  option('a', 'A — key account', 'A 类（重点客户）'),
  option('b', 'B — regular', 'B 类（普通客户）'),
  option('c', 'C — small', 'C 类（小客户）'),
]

export const SIZE_OPTIONS: SelectOption[] = [
  option('1_49', '1–49', '1–49 人'),
  option('50_199', '50–199', '50–199 人'),
  option('200_999', '200–999', '200–999 人'),
  option('1000_plus', '1,000+', '1000 人以上'),
]

export const OPPORTUNITY_STAGES: SelectOption[] = [
  option('initial_contact', 'Initial contact', '初步接洽', { probability: 10, color: 'blue' }),
  option('needs_analysis', 'Needs analysis', '需求分析', { probability: 25, color: 'cyan' }),
  option('proposal', 'Proposal / quote', '方案报价', { probability: 50, color: 'gold' }),
  option('negotiation', 'Negotiation', '商务谈判', { probability: 75, color: 'orange' }),
  option('won', 'Won', '赢单', { probability: 100, color: 'green' }),
  option('lost', 'Lost', '输单', { probability: 0, color: 'red' }),
]

export const ACTIVITY_TYPES: SelectOption[] = [
  option('call', 'Call', '电话'),
  option('meeting', 'Meeting', '会议'),
  option('email', 'Email', '邮件'),
  option('task', 'Task', '任务'),
  option('note', 'Note', '备注'),
]

export const LEAD_STATUSES: SelectOption[] = [
  option('new', 'New', '新线索'),
  option('contacted', 'Contacted', '已联系'),
  option('qualified', 'Qualified', '已确认'),
  option('unqualified', 'Unqualified', '无效'),
  option('converted', 'Converted', '已转化'),
]

export const GENDER_OPTIONS: SelectOption[] = [option('male', 'Male', '男'), option('female', 'Female', '女')]

export const ROLE_OPTIONS: SelectOption[] = [
  option('admin', 'Administrator', '管理员'),
  option('manager', 'Sales manager', '销售经理'),
  option('rep', 'Sales rep', '销售代表'),
]

export const PRODUCT_CATEGORIES: SelectOption[] = [
  option('software', 'Software', '软件'),
  option('hardware', 'Hardware', '硬件'),
  option('service', 'Service', '服务'),
  option('subscription', 'Subscription', '订阅'),
]
