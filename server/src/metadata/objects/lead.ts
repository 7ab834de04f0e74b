import { label, type ObjectDefinition } from '../object-definition.ts'
import { tagsField } from './tag.ts'
import { INDUSTRY_OPTIONS, LEAD_STATUSES, SOURCE_OPTIONS } from './shared-options.ts'

export const lead: ObjectDefinition = {
  name: 'leads',
  singular: 'lead',
  table: 'leads',
  label: label('Lead', '线索'),
  pluralLabel: label('Leads', '线索'),
  titleField: 'name',
  personName: true,
  owned: true,
  defaultSort: '-created_at',
  duplicateRules: [{ kind: 'email', field: 'email' }, { kind: 'phone', field: 'phone' }, { kind: 'name', field: 'name', company: 'company' }],
  fields: [
    { name: 'name', type: 'text', label: label('Name', '姓名'), required: true, searchable: true },
    { name: 'company', type: 'text', label: label('Company', '公司名称'), searchable: true },
    { name: 'job_title', type: 'text', label: label('Job title', '职务'), maxLength: 100 },
    { name: 'email', type: 'email', label: label('Email', '邮箱'), searchable: true },
    { name: 'phone', type: 'phone', label: label('Mobile', '手机'), searchable: true },
    { name: 'status', type: 'single_select', label: label('Status', '状态'), options: LEAD_STATUSES },
    { name: 'source', type: 'single_select', label: label('Source', '来源'), options: SOURCE_OPTIONS },
    { name: 'industry', type: 'single_select', label: label('Industry', '行业'), options: INDUSTRY_OPTIONS },
    { name: 'province', type: 'text', label: label('Province', '省份'), maxLength: 50 },
    { name: 'city', type: 'text', label: label('City', '城市'), maxLength: 100 },
    { name: 'rating', type: 'rating', label: label('Rating', '评级'), max: 5 },
    { name: 'source_detail', type: 'text', label: label('Source detail', '来源明细'), maxLength: 200 },
    { name: 'web_form_id', type: 'relation', target: 'web_forms', label: label('Web form', '网页表单') },
    { name: 'converted_at', type: 'datetime', label: label('Converted at', '转化时间'), readOnly: true },
    { name: 'converted_account_id', type: 'relation', target: 'accounts', label: label('Converted account', '转化客户'), readOnly: true },
    { name: 'converted_contact_id', type: 'relation', target: 'contacts', label: label('Converted contact', '转化联系人'), readOnly: true },
    { name: 'converted_opportunity_id', type: 'relation', target: 'opportunities', label: label('Converted opportunity', '转化商机'), readOnly: true },
    { name: 'description', type: 'long_text', label: label('Notes', '备注') },
    tagsField,
  ],
  completeness: { company: 2, phone: 2, email: 1, job_title: 1, source: 1, industry: 1, city: 1 },
}
