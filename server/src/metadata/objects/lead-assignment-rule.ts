import { label, type ObjectDefinition } from '../object-definition.ts'
import { INDUSTRY_OPTIONS, SOURCE_OPTIONS } from './shared-options.ts'

/**
 * One rule of a workspace's lead assignment, tried in `position` order for a lead created without an
 * owner: its conditions (empty = any) pick the lead, its method picks the owner.
 */
export const leadAssignmentRule: ObjectDefinition = {
  name: 'lead_assignment_rules',
  singular: 'lead_assignment_rule',
  table: 'lead_assignment_rules',
  label: label('Lead assignment rule', '线索分配规则'),
  pluralLabel: label('Lead assignment rules', '线索分配规则'),
  titleField: 'name',
  owned: false,
  defaultSort: 'position',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '规则名称'), required: true, maxLength: 100 },
    { name: 'position', type: 'number', label: label('Order', '顺序'), scale: 0, min: 0, max: 1_000_000 },
    { name: 'active', type: 'boolean', label: label('Active', '启用') },
    { name: 'provinces', type: 'text', label: label('Provinces', '省份'), maxLength: 1000 },
    { name: 'cities', type: 'text', label: label('Cities', '城市'), maxLength: 1000 },
    { name: 'industries', type: 'multi_select', label: label('Industries', '行业'), options: INDUSTRY_OPTIONS },
    { name: 'sources', type: 'multi_select', label: label('Sources', '来源'), options: SOURCE_OPTIONS },
    {
      name: 'method', type: 'single_select', label: label('Assign to', '分配方式'), required: true,
      options: [
        { value: 'user', label: label('A person', '指定人员') },
        { value: 'round_robin', label: label('Team, in turn (round robin)', '团队轮流分配') },
        { value: 'least_loaded', label: label('Team member with fewest open leads', '团队中未结线索最少的成员') },
      ],
    },
    { name: 'assignee_id', type: 'user', label: label('Person', '指定人员') },
    { name: 'team_id', type: 'relation', target: 'teams', label: label('Team', '团队') },
  ],
}
