import { label, type ObjectDefinition, type SelectOption } from '../object-definition.ts'

const option = (value: string, en: string, zh: string, color?: string): SelectOption => ({ value, label: label(en, zh), ...(color && { color }) })

export const PAYMENT_METHODS: SelectOption[] = [
  option('bank_transfer', 'Bank transfer', '银行转账'),
  option('cheque', 'Cheque', '支票'),
  option('cash', 'Cash', '现金'),
  option('alipay', 'Alipay', '支付宝'),
  option('wechat_pay', 'WeChat Pay', '微信支付'),
  option('card', 'Card', '刷卡'),
  option('other', 'Other', '其他'),
]

/** Money received (回款), matched to the contract's instalments (payments/payment-matching.ts). */
export const payment: ObjectDefinition = {
  name: 'payments',
  singular: 'payment',
  table: 'payments',
  label: label('Payment', '回款'),
  pluralLabel: label('Payments', '回款记录'),
  titleField: 'reference',
  owned: true,
  defaultSort: '-received_at',
  fields: [
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '客户') },
    { name: 'contract_id', type: 'relation', target: 'contracts', label: label('Contract', '合同') },
    { name: 'instalment_id', type: 'relation', target: 'payment_instalments', label: label('Instalment', '回款期次') },
    { name: 'amount', type: 'currency', label: label('Amount', '回款金额'), required: true, min: 0.01 },
    { name: 'received_at', type: 'date', label: label('Received on', '回款日期'), required: true },
    { name: 'method', type: 'single_select', label: label('Method', '回款方式'), options: PAYMENT_METHODS },
    { name: 'reference', type: 'text', label: label('Reference', '流水号'), maxLength: 200, searchable: true },
    { name: 'unapplied_amount', type: 'currency', label: label('Not matched', '未核销金额'), readOnly: true },
    { name: 'description', type: 'long_text', label: label('Notes', '备注') },
  ],
}

export const INVOICE_STATUSES: SelectOption[] = [
  option('draft', 'Draft', '草稿', 'default'),
  option('issued', 'Issued', '已开具', 'blue'),
  option('paid', 'Paid', '已收款', 'green'),
  option('void', 'Void', '已作废', 'red'),
]

/** An invoice (发票) as a record, linked to its contract and, once paid, the payment. */
export const invoice: ObjectDefinition = {
  name: 'invoices',
  singular: 'invoice',
  table: 'invoices',
  label: label('Invoice', '发票'),
  pluralLabel: label('Invoices', '发票'),
  titleField: 'number',
  owned: true,
  defaultSort: '-issued_at',
  fields: [
    { name: 'number', type: 'text', label: label('Number', '发票号码'), required: true, maxLength: 64, searchable: true },
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '客户') },
    { name: 'contract_id', type: 'relation', target: 'contracts', label: label('Contract', '合同') },
    { name: 'payment_id', type: 'relation', target: 'payments', label: label('Payment', '回款') },
    { name: 'amount', type: 'currency', label: label('Amount', '金额'), required: true, min: 0 },
    { name: 'tax', type: 'currency', label: label('Tax', '税额'), min: 0 },
    { name: 'status', type: 'single_select', label: label('Status', '状态'), options: INVOICE_STATUSES },
    { name: 'issued_at', type: 'date', label: label('Issued on', '开票日期') },
  ],
}
