/** The demo catalogue: what the demo sales team sells. */

/** [name, sku, category, unit, price in cents, currency, active, description]. */
type ProductRow = readonly [string, string, string, string, number, 'CNY' | 'USD', boolean, string]

const CATALOGUE: readonly ProductRow[] = [
  ['销售管理系统 标准版', 'SW-CRM-STD', 'software', '套', 3_980_000, 'CNY', true, '适合 50 人以内销售团队，含客户、商机、活动管理。'],
  ['销售管理系统 专业版', 'SW-CRM-PRO', 'software', '套', 9_800_000, 'CNY', true, '含审批流、自定义字段与报表，支持 200 用户。'],
  ['销售管理系统 企业版', 'SW-CRM-ENT', 'software', '套', 29_800_000, 'CNY', true, '支持私有化部署、多组织与单点登录。'],
  ['BI 数据分析模块', 'SW-BI-100', 'software', '套', 6_800_000, 'CNY', true, '销售漏斗、业绩排行与自定义仪表盘。'],
  ['移动销售 App 授权（50 用户）', 'SW-MOB-050', 'software', '套', 2_500_000, 'CNY', true, 'iOS / Android 移动端，支持外勤签到。'],
  ['Integration Gateway (API)', 'SW-API-GW', 'software', '套', 1_200_000, 'USD', true, 'REST and webhook connector for ERP and e-commerce systems.'],
  ['云端 CRM 订阅 专业版（每用户）', 'SUB-CRM-PRO', 'subscription', '年', 240_000, 'CNY', true, '按用户按年计费，含标准技术支持。'],
  ['云端 CRM 订阅 企业版（每用户）', 'SUB-CRM-ENT', 'subscription', '年', 480_000, 'CNY', true, '按用户按年计费，含专属客户成功经理。'],
  ['企业微信集成订阅', 'SUB-WECOM', 'subscription', '年', 600_000, 'CNY', true, '同步企业微信通讯录与客户聊天记录。'],
  ['短信通知包（1 万条）', 'SUB-SMS-10K', 'subscription', '次', 45_000, 'CNY', false, '营销与通知短信，一年内有效。'],
  ['Cloud Storage Add-on 1 TB', 'SUB-STO-1TB', 'subscription', '年', 19_900, 'USD', true, 'Extra attachment storage, billed yearly.'],
  ['工业物联网网关 RG-200', 'HW-GW-200', 'hardware', '台', 680_000, 'CNY', true, '支持 Modbus / OPC UA，采集设备数据上云。'],
  ['数据采集终端 DC-10', 'HW-DC-010', 'hardware', '台', 320_000, 'CNY', false, '旧型号，已停产，仅供存量客户补货。'],
  ['门店收银一体机', 'HW-POS-15', 'hardware', '台', 459_900, 'CNY', true, '15.6 英寸触屏，内置扫码与小票打印。'],
  ['机架式服务器 2U', 'HW-SRV-2U', 'hardware', '台', 5_800_000, 'CNY', true, '私有化部署推荐配置，双路 CPU、256 GB 内存。'],
  ['Handheld Barcode Scanner BS-10', 'HW-BS-010', 'hardware', '台', 12_900, 'USD', true, '2D scanner with Bluetooth, for warehouses and stores.'],
  ['上门实施服务', 'SV-IMP-01', 'service', '次', 500_000, 'CNY', true, '资深顾问上门一天，含需求调研与系统配置。'],
  ['员工培训（每场）', 'SV-TRN-01', 'service', '次', 300_000, 'CNY', true, '面向销售与管理员的现场或线上培训。'],
  ['数据迁移服务', 'SV-MIG-01', 'service', '次', 1_200_000, 'CNY', true, '从 Excel 或其他 CRM 迁移客户、联系人与历史记录。'],
  ['年度运维服务', 'SV-OPS-Y', 'service', '年', 1_800_000, 'CNY', true, '7×24 小时远程运维与季度巡检。'],
]

/** `count` products: the catalogue in order, then later versions of it (… V2, SKU-V2) if more are asked for. */
export function productValues(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => {
    const [name, sku, category, unit, cents, currency, active, description] = CATALOGUE[index % CATALOGUE.length]
    const version = Math.floor(index / CATALOGUE.length) + 1
    return {
      name: version === 1 ? name : `${name} V${version}`,
      sku: version === 1 ? sku : `${sku}-V${version}`,
      category,
      unit,
      list_price: { amount: (cents / 100).toFixed(2), currency },
      active,
      description,
    }
  })
}
