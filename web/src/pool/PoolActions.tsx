import { useQueryClient } from '@tanstack/react-query'
import { App, Button, Popconfirm, type ButtonProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { poolApi } from '../api/pool.ts'
import type { ApiRecord } from '../api/records.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { poolMessages } from './messages.ts'
import { poolTimelineMessages } from './timeline-messages.ts'

registerMessages('pool', poolMessages)
registerMessages('record-page', poolTimelineMessages)

/** On an account's page: Claim when it is in the pool, Release when it has an owner. The server decides who may. */
export function PoolActions({ record, canUpdate }: { record: ApiRecord; canUpdate: boolean }) {
  const { t } = useTranslation('pool')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  if (!canUpdate) return null
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action()
      message.success(t(done))
    } catch (error) {
      message.error(error instanceof Error ? error.message : tApp('error.generic'))
    }
    await Promise.all([client.invalidateQueries({ queryKey: ['record', 'accounts', record.id] }), client.invalidateQueries({ queryKey: ['records'] }), client.invalidateQueries({ queryKey: ['pool'] })])
  }
  if (record.owner_id === null) {
    return <Button size="small" type="primary" data-testid={`pool-claim-${record.id}`} onClick={() => void run(() => poolApi.claim(record.id), 'claimed')}>{t('claim')}</Button>
  }
  return (
    <Popconfirm title={t('releaseConfirm')} onConfirm={() => run(() => poolApi.release(record.id), 'released')} okButtonProps={{ 'data-testid': 'release-confirm' } as ButtonProps}>
      <Button size="small" data-testid="release-account">{t('release')}</Button>
    </Popconfirm>
  )
}
