import { label, type ObjectDefinition } from '../object-definition.ts'
import { tagsField } from './tag.ts'
import { INDUSTRY_OPTIONS, LIFECYCLE_OPTIONS, SIZE_OPTIONS, SOURCE_OPTIONS, TIER_OPTIONS } from './shared-options.ts'

export const account: ObjectDefinition = {
  name: 'accounts',
  singular: 'account',
  table: 'accounts',
  label: label('Account', '客户'),
  pluralLabel: label('Accounts', '客户'),
  titleField: 'name',
  owned: true,
  poolWhenUnowned: true,
  defaultSort: '-updated_at',
  duplicateRules: [{ kind: 'email', field: 'email' }, { kind: 'phone', field: 'phone' }, { kind: 'name', field: 'name', organisation: true }],
  fields: [
    { name: 'name', type: 'text', label: label('Name', '客户名称'), required: true, searchable: true },
    { name: 'industry', type: 'single_select', label: label('Industry', '行业'), options: INDUSTRY_OPTIONS },
    { name: 'size', type: 'single_select', label: label('Company size', '公司规模'), options: SIZE_OPTIONS },
    { name: 'tier', type: 'single_select', label: label('Tier', '客户级别'), options: TIER_OPTIONS },
    { name: 'lifecycle_stage', type: 'single_select', label: label('Lifecycle stage', '生命周期阶段'), options: LIFECYCLE_OPTIONS },
    { name: 'source', type: 'single_select', label: label('Source', '来源'), options: SOURCE_OPTIONS },
    { name: 'phone', type: 'phone', label: label('Phone', '电话'), searchable: true },
    { name: 'email', type: 'email', label: label('Email', '邮箱'), searchable: true },
    { name: 'website', type: 'url', label: label('Website', '网址') },
    { name: 'city', type: 'text', label: label('City', '城市'), maxLength: 100 },
    { name: 'address', type: 'address', label: label('Address', '地址') },
    { name: 'annual_revenue', type: 'currency', label: label('Annual revenue', '年营业额') },
    { name: 'employees', type: 'number', label: label('Employees', '员工人数'), scale: 0, min: 0 },
    { name: 'rating', type: 'rating', label: label('Rating', '评级'), max: 5 },
    { name: 'last_activity_at', type: 'datetime', label: label('Last contact', '最近联系'), readOnly: true },
    { name: 'description', type: 'long_text', label: label('Description', '描述') },
    tagsField,
  ],
  completeness: { industry: 2, phone: 2, email: 1, city: 1, address: 1, tier: 1, source: 1, website: 1 },
}
