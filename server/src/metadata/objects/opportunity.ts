import { label, type ObjectDefinition } from '../object-definition.ts'
import { tagsField } from './tag.ts'
import { OPPORTUNITY_STAGES, SOURCE_OPTIONS } from './shared-options.ts'

export const opportunity: ObjectDefinition = {
  name: 'opportunities',
  singular: 'opportunity',
  table: 'opportunities',
  label: label('Opportunity', '商机'),
  pluralLabel: label('Opportunities', '商机'),
  titleField: 'name',
  owned: true,
  defaultSort: '-updated_at',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '商机名称'), required: true, searchable: true },
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '客户') },
    { name: 'contact_id', type: 'relation', target: 'contacts', label: label('Primary contact', '主要联系人') },
    { name: 'amount', type: 'currency', label: label('Amount', '金额') },
    { name: 'stage', type: 'single_select', label: label('Stage', '销售阶段'), options: OPPORTUNITY_STAGES, required: true },
    { name: 'probability', type: 'percent', label: label('Win probability', '赢率'), min: 0, max: 100 },
    { name: 'expected_close_date', type: 'date', label: label('Expected close', '预计成交日期') },
    { name: 'source', type: 'single_select', label: label('Source', '来源'), options: SOURCE_OPTIONS },
    { name: 'next_step', type: 'text', label: label('Next step', '下一步') },
    { name: 'lost_reason', type: 'text', label: label('Lost reason', '输单原因') },
    { name: 'description', type: 'long_text', label: label('Description', '描述') },
    tagsField,
  ],
  completeness: { account_id: 2, amount: 2, expected_close_date: 2, contact_id: 1, source: 1, next_step: 1 },
}
