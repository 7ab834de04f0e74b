import { label, type ObjectDefinition, type SelectOption } from '../object-definition.ts'
import { tagsField } from './tag.ts'

const option = (value: string, en: string, zh: string, color: string): SelectOption => ({ value, label: label(en, zh), color })

export const CONTRACT_STATUSES: SelectOption[] = [
  option('draft', 'Draft', '草稿', 'default'),
  option('active', 'Active', '生效中', 'green'),
  option('expired', 'Expired', '已到期', 'default'),
  option('terminated', 'Terminated', '已终止', 'red'),
]

export const ORDER_STATUSES: SelectOption[] = [
  option('pending', 'Pending', '待处理', 'gold'),
  option('confirmed', 'Confirmed', '已确认', 'blue'),
  option('delivered', 'Delivered', '已交付', 'cyan'),
  option('completed', 'Completed', '已完成', 'green'),
  option('cancelled', 'Cancelled', '已取消', 'red'),
]

/** A signed agreement with a customer, usually made from an accepted quote (contracts/). */
export const contract: ObjectDefinition = {
  name: 'contracts',
  singular: 'contract',
  table: 'contracts',
  label: label('Contract', '合同'),
  pluralLabel: label('Contracts', '合同'),
  titleField: 'name',
  owned: true,
  defaultSort: '-updated_at',
  fields: [
    { name: 'number', type: 'auto_number', label: label('Contract number', '合同编号'), readOnly: true },
    { name: 'name', type: 'text', label: label('Name', '合同名称'), required: true, searchable: true },
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '客户'), required: true },
    { name: 'quote_id', type: 'relation', target: 'quotes', label: label('Quote', '报价单') },
    { name: 'opportunity_id', type: 'relation', target: 'opportunities', label: label('Opportunity', '商机') },
    { name: 'status', type: 'single_select', label: label('Status', '状态'), options: CONTRACT_STATUSES },
    { name: 'value', type: 'currency', label: label('Contract value', '合同金额'), min: 0 },
    { name: 'start_date', type: 'date', label: label('Start date', '开始日期') },
    { name: 'end_date', type: 'date', label: label('End date', '结束日期') },
    { name: 'signed_at', type: 'date', label: label('Signed on', '签订日期') },
    // Set by uploading to /api/v1/contracts/{id}/attachment (contracts/contract-files.ts).
    { name: 'signed_copy', type: 'file', label: label('Signed copy', '合同附件') },
    { name: 'description', type: 'long_text', label: label('Description', '说明') },
    tagsField,
  ],
}

/** What a customer ordered under a contract. */
export const order: ObjectDefinition = {
  name: 'orders',
  singular: 'order',
  table: 'orders',
  label: label('Order', '订单'),
  pluralLabel: label('Orders', '订单'),
  titleField: 'name',
  owned: true,
  defaultSort: '-order_date',
  fields: [
    { name: 'number', type: 'auto_number', label: label('Order number', '订单编号'), readOnly: true },
    { name: 'name', type: 'text', label: label('Name', '订单名称'), required: true, searchable: true },
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '客户'), required: true },
    { name: 'contract_id', type: 'relation', target: 'contracts', label: label('Contract', '合同') },
    { name: 'quote_id', type: 'relation', target: 'quotes', label: label('Quote', '报价单') },
    { name: 'amount', type: 'currency', label: label('Amount', '金额'), required: true, min: 0 },
    { name: 'status', type: 'single_select', label: label('Status', '状态'), options: ORDER_STATUSES },
    { name: 'order_date', type: 'date', label: label('Order date', '下单日期') },
    { name: 'description', type: 'long_text', label: label('Description', '说明') },
  ],
}
