import { label, type ObjectDefinition } from '../object-definition.ts'
import { tagsField } from './tag.ts'
import { GENDER_OPTIONS, LIFECYCLE_OPTIONS, SOURCE_OPTIONS } from './shared-options.ts'

export const contact: ObjectDefinition = {
  name: 'contacts',
  singular: 'contact',
  table: 'contacts',
  label: label('Contact', '联系人'),
  pluralLabel: label('Contacts', '联系人'),
  titleField: 'name',
  personName: true,
  owned: true,
  defaultSort: '-updated_at',
  duplicateRules: [{ kind: 'email', field: 'email' }, { kind: 'phone', field: 'phone' }, { kind: 'name', field: 'name', company: 'account_id' }],
  fields: [
    { name: 'name', type: 'text', label: label('Name', '姓名'), required: true, searchable: true },
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '所属客户') },
    { name: 'job_title', type: 'text', label: label('Job title', '职务'), maxLength: 100 },
    { name: 'email', type: 'email', label: label('Email', '邮箱'), searchable: true },
    { name: 'phone', type: 'phone', label: label('Mobile', '手机'), searchable: true },
    { name: 'wechat', type: 'text', label: label('WeChat', '微信'), maxLength: 100, searchable: true },
    { name: 'gender', type: 'single_select', label: label('Gender', '性别'), options: GENDER_OPTIONS },
    { name: 'birthday', type: 'date', label: label('Birthday', '生日') },
    { name: 'city', type: 'text', label: label('City', '城市'), maxLength: 100 },
    { name: 'lifecycle_stage', type: 'single_select', label: label('Lifecycle stage', '生命周期阶段'), options: LIFECYCLE_OPTIONS },
    { name: 'source', type: 'single_select', label: label('Source', '来源'), options: SOURCE_OPTIONS },
    { name: 'last_activity_at', type: 'datetime', label: label('Last contact', '最近联系'), readOnly: true },
    { name: 'description', type: 'long_text', label: label('Notes', '备注') },
    tagsField,
  ],
  completeness: { account_id: 2, phone: 2, email: 2, job_title: 1, wechat: 1, city: 1 },
}
