import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

export function ListPage() {
  const { t } = useTranslation('records')
  return <Typography.Title level={3}>{t('title')}</Typography.Title>
}
