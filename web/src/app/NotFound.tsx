import { Button, Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

export function NotFound() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return <Empty description={t('error.notFound')} style={{ marginTop: 64 }}><Button onClick={() => navigate('/')}>{t('error.backHome')}</Button></Empty>
}
