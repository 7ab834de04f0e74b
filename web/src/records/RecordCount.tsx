import { useTranslation } from 'react-i18next'
import type { Filter } from '../api/records.ts'
import { currentLanguage } from '../i18n/i18n.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { useRecordCount } from './use-list-query.ts'
import { Muted } from '../app/text.tsx'

/** "1,234 records" for the current filters; nothing while counting or when the server cannot count. */
export function RecordCount({ object, filter, q, enabled }: { object: ObjectMeta; filter: Filter; q: string; enabled: boolean }) {
  const { t } = useTranslation('records')
  const { data } = useRecordCount(object, filter, q, enabled)
  if (!data || typeof data.count !== 'number') return null
  return (
    <Muted data-testid="record-count">
      {t('count', { formatted: new Intl.NumberFormat(currentLanguage()).format(data.count) })}
    </Muted>
  )
}
