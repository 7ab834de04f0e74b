import { label, type ObjectDefinition, type SelectOption } from '../object-definition.ts'
import { lead } from './lead.ts'
import { SOURCE_OPTIONS } from './shared-options.ts'

/** Lead fields a visitor may fill in on a web form (their labels are the lead's). */
export const WEB_FORM_LEAD_FIELDS = ['name', 'company', 'job_title', 'email', 'phone', 'industry', 'province', 'city', 'description']

const FIELD_OPTIONS: SelectOption[] = WEB_FORM_LEAD_FIELDS.map((name) => {
  const field = lead.fields.find((candidate) => candidate.name === name)!
  return { value: name, label: field.label }
})

/**
 * A lead-capture form embedded in the workspace's web site: which lead fields it asks for, its
 * consent checkbox, and what a submitted lead starts with. Visitors reach it by its public token.
 */
export const webForm: ObjectDefinition = {
  name: 'web_forms',
  singular: 'web_form',
  table: 'web_forms',
  label: label('Web form', '网页表单'),
  pluralLabel: label('Web forms', '网页表单'),
  titleField: 'name',
  owned: false,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '表单名称'), required: true, maxLength: 100 },
    { name: 'active', type: 'boolean', label: label('Active', '启用') },
    { name: 'fields', type: 'multi_select', label: label('Fields shown', '显示字段'), options: FIELD_OPTIONS },
    { name: 'required_fields', type: 'multi_select', label: label('Required fields', '必填字段'), options: FIELD_OPTIONS },
    { name: 'require_consent', type: 'boolean', label: label('Require consent', '需要同意条款') },
    { name: 'consent_text', type: 'long_text', label: label('Consent text', '同意条款文字') },
    { name: 'submit_label', type: 'text', label: label('Button text', '按钮文字'), maxLength: 50 },
    { name: 'success_message', type: 'long_text', label: label('Success message', '提交成功提示') },
    { name: 'default_source', type: 'single_select', label: label('Lead source', '线索来源'), options: SOURCE_OPTIONS },
    { name: 'default_owner_id', type: 'user', label: label('Lead owner', '线索负责人') },
    { name: 'default_tags', type: 'relation', target: 'tags', relationKind: 'many_to_many', label: label('Lead tags', '线索标签') },
    { name: 'allowed_origins', type: 'long_text', label: label('Allowed sites', '允许嵌入的网站') },
    { name: 'token', type: 'text', label: label('Public token', '公开标识'), readOnly: true, maxLength: 200 },
  ],
}
