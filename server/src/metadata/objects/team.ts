import { label, type ObjectDefinition } from '../object-definition.ts'

export const team: ObjectDefinition = {
  name: 'teams',
  singular: 'team',
  table: 'teams',
  label: label('Team', '团队'),
  pluralLabel: label('Teams', '团队'),
  titleField: 'name',
  owned: false,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '团队名称'), required: true, searchable: true },
    { name: 'parent_team_id', type: 'relation', target: 'teams', label: label('Parent team', '上级团队') },
    { name: 'manager_id', type: 'user', label: label('Manager', '负责人') },
    { name: 'description', type: 'long_text', label: label('Description', '描述') },
  ],
}
