import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

export function SettingsPage() {
  const { t } = useTranslation('settings')
  return <Typography.Title level={3}>{t('title')}</Typography.Title>
}
