/** Company-name parts and sales wording for demo records. */

/** [brand, pinyin] — invented trade names, combined with a city and an industry word. */
export const CHINESE_BRANDS: readonly (readonly [string, string])[] = [
  ['星辰', 'xingchen'], ['华瑞', 'huarui'], ['恒通', 'hengtong'], ['博远', 'boyuan'], ['天宇', 'tianyu'],
  ['金桥', 'jinqiao'], ['瑞丰', 'ruifeng'], ['宏达', 'hongda'], ['汇智', 'huizhi'], ['鼎盛', 'dingsheng'],
  ['新锐', 'xinrui'], ['云帆', 'yunfan'], ['东方', 'dongfang'], ['海纳', 'haina'], ['嘉禾', 'jiahe'],
  ['明德', 'mingde'], ['领航', 'linghang'], ['致远', 'zhiyuan'], ['卓越', 'zhuoyue'], ['万象', 'wanxiang'],
  ['九州', 'jiuzhou'], ['光华', 'guanghua'], ['长风', 'changfeng'], ['蓝海', 'lanhai'], ['睿思', 'ruisi'],
  ['安信', 'anxin'], ['聚力', 'juli'], ['同创', 'tongchuang'], ['盛世', 'shengshi'], ['信达', 'xinda'],
  ['凌云', 'lingyun'], ['启明', 'qiming'], ['弘毅', 'hongyi'], ['拓维', 'tuowei'], ['数联', 'shulian'],
  ['华章', 'huazhang'], ['德润', 'derun'], ['鸿图', 'hongtu'], ['正和', 'zhenghe'], ['源创', 'yuanchuang'],
]

/** [industry word, domain hint, industry option, weight]. */
export const CHINESE_INDUSTRY_WORDS: readonly (readonly [string, string, string, number])[] = [
  ['科技', 'tech', 'internet', 8], ['信息技术', 'it', 'internet', 4], ['网络科技', 'net', 'internet', 4],
  ['软件', 'soft', 'internet', 3], ['智能制造', 'im', 'manufacturing', 5], ['机械', 'machinery', 'manufacturing', 3],
  ['电子', 'electronics', 'manufacturing', 4], ['精密制造', 'precision', 'manufacturing', 2],
  ['新材料', 'materials', 'manufacturing', 2], ['汽车零部件', 'auto', 'manufacturing', 2],
  ['医疗器械', 'med', 'healthcare', 3], ['生物医药', 'bio', 'healthcare', 2], ['物流', 'logistics', 'logistics', 3],
  ['供应链管理', 'scm', 'logistics', 2], ['新能源', 'energy', 'energy', 3], ['电力工程', 'power', 'energy', 1],
  ['教育科技', 'edu', 'education', 2], ['商贸', 'trade', 'retail', 3], ['商业连锁', 'retail', 'retail', 2],
  ['餐饮管理', 'food', 'retail', 1], ['置业', 'realty', 'real_estate', 2], ['投资管理', 'capital', 'finance', 2],
  ['融资租赁', 'leasing', 'finance', 1], ['文化传媒', 'media', 'other', 2], ['环保科技', 'eco', 'other', 1],
]

export const CHINESE_SUFFIXES: readonly (readonly [string, number])[] = [
  ['有限公司', 70], ['股份有限公司', 15], ['集团有限公司', 10], ['有限责任公司', 5],
]

/** Public-sector customers, `${city}市${department}`, and the department's mail subdomain. */
export const GOVERNMENT_DEPARTMENTS: readonly (readonly [string, string])[] = [
  ['数据资源管理局', 'sjj'], ['政务服务中心', 'zwfw'], ['公共资源交易中心', 'ggzy'], ['交通运输局', 'jtj'], ['市场监督管理局', 'scjg'],
]

export const ENGLISH_BRANDS = [
  'Acme', 'Northwind', 'Bluepeak', 'Silverline', 'Evergreen', 'Pinnacle', 'Horizon', 'Atlas', 'Vertex', 'Brightwave',
  'Redwood', 'Ironbridge', 'Oakridge', 'Sterling', 'Harbor', 'Lumen', 'Crescent', 'Meridian', 'Nova', 'Summit',
] as const

/** [industry word, industry option]. */
export const ENGLISH_INDUSTRY_WORDS: readonly (readonly [string, string])[] = [
  ['Industrial', 'manufacturing'], ['Robotics', 'manufacturing'], ['Software', 'internet'], ['Digital', 'internet'],
  ['Capital', 'finance'], ['Financial', 'finance'], ['Retail', 'retail'], ['Trading', 'retail'], ['Learning', 'education'],
  ['Health', 'healthcare'], ['Medical', 'healthcare'], ['Properties', 'real_estate'], ['Logistics', 'logistics'],
  ['Freight', 'logistics'], ['Energy', 'energy'], ['Solar', 'energy'],
]

export const INDUSTRY_LABELS: Record<string, string> = {
  manufacturing: '制造业', internet: '互联网', finance: '金融', retail: '零售', education: '教育', healthcare: '医疗',
  real_estate: '地产', logistics: '物流', energy: '能源', government: '政府', other: '综合',
}

export const ACCOUNT_NOTES = [
  '正在评估销售管理系统，计划下季度立项', '关注数据安全，要求私有化部署', '今年 IT 预算充足，计划扩大采购',
  '老客户，合作三年以上，续约意向强', '对价格较敏感，希望分期付款', '集团统一采购，决策链较长',
  '已有竞品在用，合同年底到期', '通过展会认识，对移动端功能感兴趣', '需要与企业微信、钉钉集成',
]
export const ENGLISH_ACCOUNT_NOTES = [
  'Regional HQ for APAC; China purchasing decided locally.', 'Evaluating a CRM replacement this year.',
  'Long-standing customer, renewal due in Q4.', 'Needs data residency in mainland China.',
]
export const PERSON_NOTES = [
  '关键决策人', '技术评估负责人，关注 API 与集成', '对价格比较敏感', '习惯用微信沟通，回复及时', '上午不方便接电话',
  '喜欢喝茶，周末常打羽毛球', '新入职，仍在熟悉业务', '上一家公司也用过我们的产品', '需抄送其助理',
]

export const PROJECTS = [
  'CRM 系统采购', '销售管理平台建设', '数字化转型咨询', '数据中台二期', '门店管理系统升级', '年度维保续约',
  '私有化部署项目', '智能工厂 MES 项目', '企业微信集成', '客服中心扩容', '服务器采购', '移动办公平台',
  '年度软件订阅续费', 'BI 数据分析项目', '渠道管理系统', '全国门店推广',
] as const
export const ENGLISH_PROJECTS = [
  'CRM rollout', 'Annual subscription renewal', 'Data platform phase 2', 'Field sales app', 'Support renewal',
  'Hardware refresh', 'China office expansion',
] as const
export const NEXT_STEPS = [
  '安排技术交流会', '提交正式报价', '确认采购预算', '等待法务审核合同', '安排产品演示', '准备投标文件',
  '约见决策人', '提供试用账号', '确认实施排期', '发送合同草稿',
] as const
export const ENGLISH_NEXT_STEPS = ['Send formal quote', 'Schedule product demo', 'Legal review of contract', 'Confirm budget'] as const
export const LOST_REASONS = ['价格偏高', '选择了竞争对手', '预算取消', '需求变更', '决策延期', '功能不满足定制需求'] as const
export const ENGLISH_LOST_REASONS = ['Price too high', 'Chose a competitor', 'Budget cut', 'Project postponed'] as const
export const OPPORTUNITY_NOTES = [
  '客户希望分两期实施', '竞争对手报价低 15%，需突出服务优势', '需要提供同行业成功案例', '预算已审批，等待走采购流程',
  '客户 CIO 支持本项目', '涉及与现有 ERP 系统对接',
]

/** Activity subjects by type; `{sur}` becomes a Chinese contact's surname (张总), only when there is one. */
export const ACTIVITY_SUBJECTS: Record<string, readonly string[]> = {
  call: ['电话沟通需求', '电话回访', '跟进报价反馈', '确认付款进度', '电话预约拜访时间', '致电{sur}总确认预算'],
  meeting: ['上门拜访', '产品演示', '技术交流会', '商务谈判会议', '季度业务回顾', '拜访{sur}总', '方案汇报会'],
  email: ['发送报价单', '发送产品资料', '发送合同草稿', '邮件确认会议纪要', '发送成功案例', '发送试用账号'],
  task: ['准备投标文件', '整理需求文档', '安排试用账号', '催收回款', '提交合同审批', '更新客户资料'],
  note: ['客户反馈', '会议纪要', '竞争对手情况', '{sur}总的关注点', '需求要点记录'],
}
export const ENGLISH_ACTIVITY_SUBJECTS: Record<string, readonly string[]> = {
  call: ['Discovery call', 'Follow-up call on quote', 'Check-in call'],
  meeting: ['On-site visit', 'Product demo', 'Quarterly business review'],
  email: ['Send quotation', 'Send product brochure', 'Send contract draft'],
  task: ['Prepare proposal', 'Set up trial account', 'Chase payment'],
  note: ['Customer feedback', 'Meeting notes', 'Competitor intel'],
}
export const LEAD_SUBJECTS: Record<string, readonly string[]> = {
  call: ['首次电话联系', '电话了解需求', '确认采购意向'],
  meeting: ['初次拜访', '线上会议了解需求'],
  email: ['发送公司介绍资料', '发送产品白皮书'],
  task: ['添加微信并发送资料', '整理线索需求'],
  note: ['线索背景记录'],
}
export const ACTIVITY_DETAILS = [
  '客户关注数据安全与私有化部署，下周安排技术交流。', '已发送报价，客户将于周五前内部讨论。', '对方采购流程需要三家比价。',
  '客户希望先试用两周，再决定是否采购。', '需求已基本明确，待确认预算。', '客户对移动端和报表功能满意。',
  '约定下周二下午上门演示。', '财务确认款项已在审批中。',
]
