import { label, type ObjectDefinition } from '../object-definition.ts'
import { STAGE_CATEGORIES } from './sales-options.ts'

/**
 * One stage of a pipeline. `value` is what an opportunity's `stage` holds; the opportunity's stage
 * options are derived from these rows per workspace (server/src/pipelines/stage-options.ts).
 */
export const pipelineStage: ObjectDefinition = {
  name: 'pipeline_stages',
  singular: 'pipeline_stage',
  table: 'pipeline_stages',
  label: label('Pipeline stage', '销售阶段'),
  pluralLabel: label('Pipeline stages', '销售阶段'),
  titleField: 'name',
  owned: false,
  defaultSort: 'position',
  fields: [
    { name: 'pipeline_id', type: 'relation', target: 'pipelines', label: label('Pipeline', '销售流程'), required: true },
    { name: 'name', type: 'text', label: label('Name', '阶段名称'), required: true, maxLength: 60 },
    { name: 'name_en', type: 'text', label: label('English name', '英文名称'), maxLength: 60 },
    { name: 'value', type: 'text', label: label('Key', '阶段标识'), maxLength: 63 },
    { name: 'position', type: 'number', label: label('Position', '顺序'), scale: 0, min: 0, max: 1000 },
    { name: 'probability', type: 'percent', label: label('Default win probability', '默认赢率'), min: 0, max: 100, required: true },
    { name: 'category', type: 'single_select', label: label('Category', '阶段类型'), options: STAGE_CATEGORIES, required: true },
  ],
}
