import { label, type ObjectDefinition } from '../object-definition.ts'
import { ACTIVITY_TYPES } from './shared-options.ts'

/** Calls, meetings, emails, tasks and notes, linked to the records they concern. */
export const activity: ObjectDefinition = {
  name: 'activities',
  singular: 'activity',
  table: 'activities',
  label: label('Activity', '活动'),
  pluralLabel: label('Activities', '活动'),
  titleField: 'subject',
  owned: true,
  defaultSort: '-created_at',
  fields: [
    { name: 'type', type: 'single_select', label: label('Type', '类型'), options: ACTIVITY_TYPES, required: true },
    { name: 'subject', type: 'text', label: label('Subject', '主题'), required: true, searchable: true },
    { name: 'description', type: 'long_text', label: label('Details', '详情') },
    { name: 'due_at', type: 'datetime', label: label('Due', '截止时间') },
    { name: 'done', type: 'boolean', label: label('Done', '已完成') },
    // Reminders (reminders/): an explicit time, or minutes before the due time.
    { name: 'remind_at', type: 'datetime', label: label('Remind at', '提醒时间') },
    { name: 'reminder_minutes', type: 'number', label: label('Remind minutes before due', '提前提醒（分钟）'), scale: 0, min: 0, max: 525600 },
    { name: 'next_reminder_at', type: 'datetime', label: label('Next reminder', '下次提醒'), readOnly: true },
    { name: 'overdue', type: 'boolean', label: label('Overdue', '已逾期'), readOnly: true },
    { name: 'account_id', type: 'relation', target: 'accounts', label: label('Account', '客户') },
    { name: 'contact_id', type: 'relation', target: 'contacts', label: label('Contact', '联系人') },
    { name: 'lead_id', type: 'relation', target: 'leads', label: label('Lead', '线索') },
    { name: 'opportunity_id', type: 'relation', target: 'opportunities', label: label('Opportunity', '商机') },
    { name: 'related_object', type: 'text', label: label('Related object', '关联对象'), maxLength: 63 },
    { name: 'related_id', type: 'relation', target: '*', label: label('Related record', '关联记录') },
  ],
}
