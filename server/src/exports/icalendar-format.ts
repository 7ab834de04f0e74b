import type { ApiRecord } from '../records/row-mapping.ts'
import { contentLine, escapeText, utcStamp } from './content-line.ts'

// Activities carry one time: meetings and calls start then and last a usual length.
const EVENT_MINUTES: Record<string, number> = { meeting: 60, call: 30 }

export const CALENDAR_START = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//Rapport CRM//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n'
export const CALENDAR_END = 'END:VCALENDAR\r\n'

/**
 * One activity as a calendar component: a VEVENT for meetings and calls, a VTODO for tasks (due
 * date and done status); other kinds (emails, notes) have no place in a calendar and give ''.
 */
export function activityComponent(record: ApiRecord, stamp: Date): string {
  const type = record.type as string
  const dueAt = typeof record.due_at === 'string' ? record.due_at : undefined
  const common =
    contentLine('UID', `${record.id}@rapport`) +
    contentLine('DTSTAMP', utcStamp(stamp.toISOString())) +
    contentLine('SUMMARY', escapeText(String(record.subject ?? ''))) +
    (typeof record.description === 'string' && record.description ? contentLine('DESCRIPTION', escapeText(record.description)) : '') +
    (typeof record.updated_at === 'string' ? contentLine('LAST-MODIFIED', utcStamp(record.updated_at)) : '')
  if (type in EVENT_MINUTES) {
    const start = dueAt ?? (record.created_at as string)
    return (
      'BEGIN:VEVENT\r\n' +
      common +
      contentLine('DTSTART', utcStamp(start)) +
      contentLine('DURATION', `PT${EVENT_MINUTES[type]}M`) +
      contentLine('CATEGORIES', type.toUpperCase()) +
      'END:VEVENT\r\n'
    )
  }
  if (type === 'task') {
    const done = record.done === true
    return (
      'BEGIN:VTODO\r\n' +
      common +
      (dueAt ? contentLine('DUE', utcStamp(dueAt)) : '') +
      contentLine('STATUS', done ? 'COMPLETED' : 'NEEDS-ACTION') +
      (done && typeof record.updated_at === 'string' ? contentLine('COMPLETED', utcStamp(record.updated_at)) + contentLine('PERCENT-COMPLETE', '100') : '') +
      'END:VTODO\r\n'
    )
  }
  return ''
}
