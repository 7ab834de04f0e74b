import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

export function KanbanPage() {
  const { t } = useTranslation('kanban')
  return <Typography.Title level={3}>{t('title')}</Typography.Title>
}
