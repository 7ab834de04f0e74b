import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

export function RecordPage() {
  const { t } = useTranslation('record-page')
  return <Typography.Title level={3}>{t('title')}</Typography.Title>
}
