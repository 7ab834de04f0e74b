import { label, type ObjectDefinition } from '../object-definition.ts'

/** A sales process: its ordered stages are `pipeline_stages` records (server/src/pipelines/). */
export const pipeline: ObjectDefinition = {
  name: 'pipelines',
  singular: 'pipeline',
  table: 'pipelines',
  label: label('Pipeline', '销售流程'),
  pluralLabel: label('Pipelines', '销售流程'),
  titleField: 'name',
  owned: false,
  defaultSort: 'created_at',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '流程名称'), required: true, maxLength: 100 },
    { name: 'is_default', type: 'boolean', label: label('Default', '默认流程') },
    { name: 'description', type: 'long_text', label: label('Description', '描述') },
  ],
}
