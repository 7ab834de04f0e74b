import { LineChartOutlined } from '@ant-design/icons'
import i18next from 'i18next'
import { useTranslation } from 'react-i18next'
import { defineMessages } from '../i18n/define-messages.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'

// Only the navigation label loads with the first screen; the page brings the rest of its words.
const navMessages = defineMessages({ en: { 'nav': 'Sales analytics' }, 'zh-CN': { 'nav': '销售分析' } })

/** The navigation entry of the sales analytics page, for whoever may read opportunities. */
export function useAnalyticsNavItems(objects: ObjectMeta[]) {
  if (!i18next.hasResourceBundle('en', 'analytics-nav')) registerMessages('analytics-nav', navMessages)
  const { t } = useTranslation('analytics-nav')
  if (!objects.some((object) => object.name === 'opportunities' && object.permissions.read)) return []
  return [{ key: '/analytics', icon: <LineChartOutlined />, label: t('nav') }]
}
