import { defineMessages } from '../i18n/define-messages.ts'

/** Words of the list's export menu and the vCard import dialog. */
export const exportsMessages = defineMessages({
  en: {
    'menu': 'Export',
    'csv': 'CSV (Excel-friendly)',
    'xlsx': 'Excel workbook (.xlsx)',
    'vcf': 'vCard (.vcf)',
    'ics': 'iCalendar (.ics)',
    'importVcard': 'Import vCards…',
    'import.title': 'Import contacts from vCards',
    'import.hint': 'Choose a .vcf file with one or more cards. Each card becomes a contact; a card whose company matches an account is linked to it.',
    'import.choose': 'Choose a .vcf file',
    'import.running': 'Importing…',
    'import.summary': '{{created}} created, {{failed}} rejected',
    'import.card': 'Card {{number}}: {{name}}',
    'import.close': 'Close',
    'import.failed': 'The file could not be imported',
  },
  'zh-CN': {
    'menu': '导出',
    'csv': 'CSV（可用 Excel 打开）',
    'xlsx': 'Excel 工作簿（.xlsx）',
    'vcf': 'vCard 名片（.vcf）',
    'ics': 'iCalendar 日历（.ics）',
    'importVcard': '导入 vCard 名片…',
    'import.title': '从 vCard 名片导入联系人',
    'import.hint': '选择包含一张或多张名片的 .vcf 文件。每张名片生成一个联系人；公司名与已有客户相同时自动关联。',
    'import.choose': '选择 .vcf 文件',
    'import.running': '正在导入…',
    'import.summary': '成功 {{created}} 条，拒绝 {{failed}} 条',
    'import.card': '第 {{number}} 张：{{name}}',
    'import.close': '关闭',
    'import.failed': '文件无法导入',
  },
})
