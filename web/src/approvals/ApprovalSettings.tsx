import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Form, InputNumber, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { registerMessages } from '../i18n/register-messages.ts'
import { useIsAdmin } from '../settings/use-is-admin.ts'
import { approvalKeys, approvalsApi } from './approvals-api.ts'
import { approvalMessages } from './messages.ts'

registerMessages('approvals', approvalMessages)

/** Settings → Approvals: the quote discount threshold (the seeded rule), and a way to every rule. */
export function ApprovalSettings() {
  const settings = useQuery({ queryKey: approvalKeys.settings, queryFn: approvalsApi.settings })
  if (!settings.data) return <Skeleton active />
  return <ThresholdForm initial={settings.data.quote_discount_threshold} />
}

function ThresholdForm({ initial }: { initial: number | null }) {
  const { t } = useTranslation('approvals')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [threshold, setThreshold] = useState<number | null>(initial)
  const [busy, setBusy] = useState(false)
  const admin = useIsAdmin()
  const save = async () => {
    setBusy(true)
    try {
      await approvalsApi.saveSettings(threshold)
      message.success(t('settings.saved'))
      await client.invalidateQueries({ queryKey: approvalKeys.all })
    } catch (error) {
      message.error(error instanceof Error ? error.message : tApp('error.generic'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Form layout="vertical" style={{ maxWidth: 520 }} data-testid="approval-settings">
      <Form.Item label={t('settings.threshold')} extra={t('settings.thresholdHelp')}>
        <InputNumber min={0} max={100} precision={2} suffix="%" value={threshold} disabled={!admin} onChange={(value) => setThreshold(value)}
          data-testid="quote-discount-threshold" style={{ width: 160 }} />
      </Form.Item>
      <Space>
        <Button type="primary" loading={busy} disabled={!admin} onClick={() => void save()} data-testid="save-approval-settings">{t('settings.save')}</Button>
        <Link to="/o/approval_rules"><Typography.Link>{t('settings.rules')}</Typography.Link></Link>
      </Space>
    </Form>
  )
}
