import { label, type ObjectDefinition } from '../object-definition.ts'
import { QUOTA_PERIODS } from './sales-options.ts'

/** A sales target of one user or one team for a month or a quarter; the forecast compares closed won with it. */
export const quota: ObjectDefinition = {
  name: 'quotas',
  singular: 'quota',
  table: 'quotas',
  label: label('Quota', '销售目标'),
  pluralLabel: label('Quotas', '销售目标'),
  titleField: 'name',
  owned: false,
  defaultSort: '-year',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '名称'), maxLength: 120 },
    { name: 'user_id', type: 'user', label: label('User', '销售人员') },
    { name: 'team_id', type: 'relation', target: 'teams', label: label('Team', '团队') },
    { name: 'period_type', type: 'single_select', label: label('Period', '周期'), options: QUOTA_PERIODS, required: true },
    { name: 'year', type: 'number', label: label('Year', '年份'), scale: 0, min: 2000, max: 2100, required: true },
    { name: 'period_number', type: 'number', label: label('Month or quarter', '月份/季度'), scale: 0, min: 1, max: 12, required: true },
    { name: 'amount', type: 'currency', label: label('Amount', '目标金额'), min: 0, required: true },
  ],
}
