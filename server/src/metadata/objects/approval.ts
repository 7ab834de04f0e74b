import { label, type ObjectDefinition, type SelectOption } from '../object-definition.ts'

const option = (value: string, en: string, zh: string, color: string): SelectOption => ({ value, label: label(en, zh), color })

export const APPROVAL_STATUSES: SelectOption[] = [
  option('pending', 'Pending', '审批中', 'gold'),
  option('approved', 'Approved', '已通过', 'green'),
  option('rejected', 'Rejected', '已驳回', 'red'),
  option('cancelled', 'Cancelled', '已撤销', 'default'),
]

/**
 * A request to approve one record under one rule (审批). The submitter owns it; every field is kept
 * by the approval service (approvals/approval-service.ts), never written through the generic API.
 */
export const approval: ObjectDefinition = {
  name: 'approvals',
  singular: 'approval',
  table: 'approvals',
  label: label('Approval', '审批'),
  pluralLabel: label('Approvals', '审批'),
  titleField: 'title',
  owned: true,
  defaultSort: '-created_at',
  fields: [
    { name: 'title', type: 'text', label: label('Record', '审批对象'), readOnly: true, searchable: true },
    { name: 'related_object', type: 'text', label: label('Object', '对象'), readOnly: true, maxLength: 63 },
    { name: 'related_id', type: 'relation', target: '*', label: label('Record', '记录'), readOnly: true },
    { name: 'rule_id', type: 'relation', target: 'approval_rules', label: label('Rule', '审批规则'), readOnly: true },
    { name: 'status', type: 'single_select', label: label('Status', '状态'), options: APPROVAL_STATUSES, readOnly: true },
    { name: 'current_step', type: 'number', label: label('Current step', '当前步骤'), scale: 0, readOnly: true },
    { name: 'current_approver_id', type: 'user', label: label('Current approver', '当前审批人'), readOnly: true },
    { name: 'current_approver_role', type: 'text', label: label('Current approver role', '当前审批角色'), readOnly: true, maxLength: 64 },
    { name: 'comment', type: 'long_text', label: label('Submission note', '提交说明'), readOnly: true },
    { name: 'decided_at', type: 'datetime', label: label('Decided at', '审批完成时间'), readOnly: true },
  ],
}
