import { SwapOutlined } from '@ant-design/icons'
import { Button, Tag } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ApiRecord } from '../api/records.ts'
import { lazyNamed } from '../app/lazy-named.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { leadsMessages, leadTimelineMessages } from './messages.ts'

registerMessages('leads', leadsMessages)
registerMessages('record-page', leadTimelineMessages)

const ConvertLeadDialog = lazyNamed(() => import('./ConvertLeadDialog.tsx'), 'ConvertLeadDialog')

/** On a lead's page: Convert (for whoever may change it), or, once converted, the way to its account. */
export function ConvertLeadButton({ record, canUpdate }: { record: ApiRecord; canUpdate: boolean }) {
  const { t } = useTranslation('leads')
  const [open, setOpen] = useState(false)
  if (record.status === 'converted') {
    const account = record.converted_account_id as string | null
    return account
      ? <Link to={`/o/accounts/${account}`}><Tag color="green" icon={<SwapOutlined />} data-testid="lead-converted">{t('convert.converted')}</Tag></Link>
      : <Tag color="green" data-testid="lead-converted">{t('convert.converted')}</Tag>
  }
  if (!canUpdate) return null
  return (
    <>
      <Button size="small" type="primary" icon={<SwapOutlined />} onMouseEnter={() => void ConvertLeadDialog.preload()} onClick={() => setOpen(true)} data-testid="lead-convert">
        {t('convert.button')}
      </Button>
      {open && <Suspense fallback={null}><ConvertLeadDialog lead={record} onClose={() => setOpen(false)} /></Suspense>}
    </>
  )
}
