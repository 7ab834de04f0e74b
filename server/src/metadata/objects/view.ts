import { label, type ObjectDefinition } from '../object-definition.ts'

/**
 * A saved list or kanban view: filters, sort and columns stored as JSON text. Personal by owner;
 * `shared` lets every member read it, while only its owner (or an administrator) changes it.
 */
export const view: ObjectDefinition = {
  name: 'views',
  singular: 'view',
  table: 'views',
  label: label('View', '视图'),
  pluralLabel: label('Views', '视图'),
  titleField: 'name',
  owned: true,
  sharedFlag: 'shared',
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '视图名称'), required: true, maxLength: 100 },
    { name: 'object', type: 'text', label: label('Object', '对象'), required: true, maxLength: 64 },
    {
      name: 'kind', type: 'single_select', label: label('Kind', '类型'), required: true,
      options: [{ value: 'table', label: label('Table', '表格') }, { value: 'kanban', label: label('Kanban', '看板') },
        // A dynamic segment: a saved filter (behavioural conditions included) shown with its live count.
        { value: 'segment', label: label('Segment', '客户分群') }],
    },
    { name: 'filter', type: 'long_text', label: label('Filter', '筛选条件') },
    { name: 'sort', type: 'text', label: label('Sort', '排序'), maxLength: 100 },
    { name: 'columns', type: 'long_text', label: label('Columns', '显示列') },
    { name: 'group_by', type: 'text', label: label('Group by', '分组字段'), maxLength: 64 },
    { name: 'shared', type: 'boolean', label: label('Shared', '共享') },
  ],
}
