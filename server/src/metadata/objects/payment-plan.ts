import { label, type ObjectDefinition, type SelectOption } from '../object-definition.ts'

const option = (value: string, en: string, zh: string, color?: string): SelectOption => ({ value, label: label(en, zh), ...(color && { color }) })

export const INSTALMENT_STATUSES: SelectOption[] = [
  option('planned', 'Planned', '待回款', 'blue'),
  option('partially_paid', 'Partially paid', '部分回款', 'gold'),
  option('paid', 'Paid', '已回款', 'green'),
  option('overdue', 'Overdue', '已逾期', 'red'),
]

/** A contract's payment plan (回款计划): the instalments it expects. */
export const paymentPlan: ObjectDefinition = {
  name: 'payment_plans',
  singular: 'payment_plan',
  table: 'payment_plans',
  label: label('Payment plan', '回款计划'),
  pluralLabel: label('Payment plans', '回款计划'),
  titleField: 'name',
  owned: true,
  defaultSort: '-created_at',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '计划名称'), required: true, searchable: true },
    { name: 'contract_id', type: 'relation', target: 'contracts', label: label('Contract', '合同') },
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '客户') },
    { name: 'total', type: 'currency', label: label('Total', '计划总额') },
    { name: 'description', type: 'long_text', label: label('Notes', '备注') },
  ],
}

/** One expected payment of a plan (回款期次); paid amount and status follow the payments matched to it. */
export const paymentInstalment: ObjectDefinition = {
  name: 'payment_instalments',
  singular: 'payment_instalment',
  table: 'payment_instalments',
  label: label('Instalment', '回款期次'),
  pluralLabel: label('Instalments', '回款期次'),
  titleField: 'name',
  owned: true,
  defaultSort: 'due_date',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '期次'), maxLength: 200, searchable: true },
    { name: 'plan_id', type: 'relation', target: 'payment_plans', label: label('Payment plan', '回款计划'), required: true },
    { name: 'contract_id', type: 'relation', target: 'contracts', label: label('Contract', '合同') },
    { name: 'due_date', type: 'date', label: label('Due date', '计划回款日期'), required: true },
    { name: 'amount', type: 'currency', label: label('Amount', '计划金额'), required: true, min: 0 },
    { name: 'paid_amount', type: 'currency', label: label('Received', '已回款金额'), readOnly: true },
    { name: 'status', type: 'single_select', label: label('Status', '状态'), options: INSTALMENT_STATUSES, readOnly: true },
  ],
}
