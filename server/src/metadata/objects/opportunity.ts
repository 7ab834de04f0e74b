import { label, type ObjectDefinition, type ObjectRollup } from '../object-definition.ts'
import { WORKSPACE_OFFSET_MINUTES } from '../../records/relative-dates.ts'
import { tagsField } from './tag.ts'
import { OPPORTUNITY_STAGES, SOURCE_OPTIONS } from './shared-options.ts'
import { FORECAST_CATEGORIES, LOST_REASONS, WON_REASONS } from './sales-options.ts'

/** When a deal was created, on the workspace's clock. */
const LOCAL_CREATED_AT = `(created_at at time zone 'UTC') + interval '${WORKSPACE_OFFSET_MINUTES} minutes'`

/** Deals per pipeline, owner, creation day or month, current and furthest stage and currency. */
function funnelRollup(name: string, period: ObjectRollup['dimensions'][number]): ObjectRollup {
  return {
    name,
    dimensions: [
      { name: 'pipeline_id', sqlType: 'uuid' },
      { name: 'owner_id', sqlType: 'uuid' },
      period,
      { name: 'stage', sqlType: 'text' },
      { name: 'furthest_stage', sqlType: 'text' },
      { name: 'amount_currency', sqlType: 'text' },
    ],
    measures: [
      { name: 'amount', sum: 'amount' },
      { name: 'closed', countOf: 'closed_at' },
      { name: 'cycle_seconds', sum: 'extract(epoch from closed_at - created_at)' },
    ],
  }
}

export const opportunity: ObjectDefinition = {
  name: 'opportunities',
  singular: 'opportunity',
  table: 'opportunities',
  label: label('Opportunity', '商机'),
  pluralLabel: label('Opportunities', '商机'),
  titleField: 'name',
  owned: true,
  defaultSort: '-updated_at',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '商机名称'), required: true, searchable: true },
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '客户') },
    { name: 'contact_id', type: 'relation', target: 'contacts', label: label('Primary contact', '主要联系人') },
    { name: 'amount', type: 'currency', label: label('Amount', '金额') },
    { name: 'pipeline_id', type: 'relation', target: 'pipelines', label: label('Pipeline', '销售流程') },
    { name: 'stage', type: 'single_select', label: label('Stage', '销售阶段'), options: OPPORTUNITY_STAGES, required: true },
    { name: 'probability', type: 'percent', label: label('Win probability', '赢率'), min: 0, max: 100 },
    { name: 'expected_close_date', type: 'date', label: label('Expected close', '预计成交日期') },
    { name: 'forecast_category', type: 'single_select', label: label('Forecast category', '预测类别'), options: FORECAST_CATEGORIES },
    { name: 'source', type: 'single_select', label: label('Source', '来源'), options: SOURCE_OPTIONS },
    { name: 'next_step', type: 'text', label: label('Next step', '下一步') },
    { name: 'won_reason', type: 'single_select', label: label('Won reason', '赢单原因'), options: WON_REASONS },
    { name: 'lost_reason', type: 'single_select', label: label('Lost reason', '输单原因'), options: LOST_REASONS },
    { name: 'closed_at', type: 'datetime', label: label('Closed on', '成交/输单时间'), readOnly: true },
    { name: 'description', type: 'long_text', label: label('Description', '描述') },
    tagsField,
  ],
  // The furthest open stage reached (server/src/pipelines/): the funnel's stage-to-stage conversion.
  privateColumns: [{ name: 'furthest_stage', sqlType: 'text' }],
  // The funnel and the forecast read these summaries instead of the deals: whole months of a period
  // from the monthly funnel, the days at its edges from the daily one (sales-analytics/funnel-query.ts).
  rollups: [
    funnelRollup('funnel', { name: 'created_on', sqlType: 'date', expression: `(${LOCAL_CREATED_AT})::date` }),
    funnelRollup('funnel_monthly', { name: 'created_month', sqlType: 'date', expression: `date_trunc('month', ${LOCAL_CREATED_AT})::date` }),
    {
      name: 'forecast',
      where: 'expected_close_date is not null',
      dimensions: [
        { name: 'pipeline_id', sqlType: 'uuid' },
        { name: 'owner_id', sqlType: 'uuid' },
        { name: 'close_month', sqlType: 'date', expression: "date_trunc('month', expected_close_date)::date" },
        { name: 'amount_currency', sqlType: 'text' },
        { name: 'forecast_category', sqlType: 'text' },
      ],
      measures: [
        { name: 'amount', sum: 'amount' },
        // Σ amount × probability (percent); the forecast divides by 100 exactly.
        { name: 'weighted_percent', sum: 'amount * coalesce(probability, 0)' },
      ],
    },
  ],
  completeness: { account_id: 2, amount: 2, expected_close_date: 2, contact_id: 1, source: 1, next_step: 1 },
}
