import { label, type ObjectDefinition, type SelectOption } from '../object-definition.ts'

const option = (value: string, en: string, zh: string): SelectOption => ({ value, label: label(en, zh) })

/** Operators a rule's condition may use: the list filter's own (records/filter-operators.ts). */
export const CONDITION_OPERATORS: SelectOption[] = [
  option('eq', 'equals', '等于'), option('neq', 'does not equal', '不等于'),
  option('gt', 'greater than', '大于'), option('gte', 'at least', '大于等于'),
  option('lt', 'less than', '小于'), option('lte', 'at most', '小于等于'),
  option('in', 'is one of', '属于'), option('contains', 'contains', '包含'),
  option('is_empty', 'is empty', '为空'), option('is_not_empty', 'is not empty', '不为空'),
]

export const APPROVER_KINDS: SelectOption[] = [
  option('manager_chain', "Owner's manager chain", '负责人的上级链'),
  option('role', 'A role', '指定角色'),
  option('user', 'A user', '指定用户'),
]

/**
 * When a record of `object` matching the condition may take `guarded_value` in `status_field` only
 * after an approval (审批规则). Only administrators write rules (approvals/approval-rule-hooks.ts).
 */
export const approvalRule: ObjectDefinition = {
  name: 'approval_rules',
  singular: 'approval_rule',
  table: 'approval_rules',
  label: label('Approval rule', '审批规则'),
  pluralLabel: label('Approval rules', '审批规则'),
  titleField: 'name',
  owned: false,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '规则名称'), required: true, maxLength: 200, searchable: true },
    { name: 'object', type: 'text', label: label('Object', '对象'), required: true, maxLength: 64 },
    { name: 'condition_field', type: 'text', label: label('Condition field', '条件字段'), maxLength: 64 },
    { name: 'condition_operator', type: 'single_select', label: label('Condition operator', '条件运算'), options: CONDITION_OPERATORS },
    { name: 'condition_value', type: 'text', label: label('Condition value', '条件值'), maxLength: 500 },
    { name: 'status_field', type: 'text', label: label('Status field', '状态字段'), required: true, maxLength: 64 },
    { name: 'guarded_value', type: 'text', label: label('Value needing approval', '需审批的状态值'), required: true, maxLength: 64 },
    { name: 'pending_value', type: 'text', label: label('Value while pending', '审批中状态值'), maxLength: 64 },
    { name: 'approved_value', type: 'text', label: label('Value once approved', '审批通过状态值'), maxLength: 64 },
    { name: 'reset_value', type: 'text', label: label('Value after rejection', '驳回后状态值'), maxLength: 64 },
    { name: 'approver_kind', type: 'single_select', label: label('Approvers', '审批人'), options: APPROVER_KINDS, required: true },
    { name: 'approver_role', type: 'text', label: label('Approver role', '审批角色'), maxLength: 64 },
    { name: 'approver_user_id', type: 'user', label: label('Approver', '审批用户') },
    { name: 'manager_levels', type: 'number', label: label('Manager levels', '上级层数'), scale: 0, min: 1, max: 10 },
    { name: 'active', type: 'boolean', label: label('Active', '启用') },
    { name: 'system_key', type: 'text', label: label('Built-in rule', '内置规则'), maxLength: 64, readOnly: true },
  ],
}
