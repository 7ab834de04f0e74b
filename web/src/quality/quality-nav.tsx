import { DashboardOutlined } from '@ant-design/icons'
import i18next from 'i18next'
import { useTranslation } from 'react-i18next'
import { defineMessages } from '../i18n/define-messages.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'

// Only the navigation label loads with the first screen; the page brings the rest of its words.
const navMessages = defineMessages({ en: { 'nav': 'Data quality' }, 'zh-CN': { 'nav': '数据质量' } })

/** The navigation entry of the data-quality (完整率) page, for whoever may read accounts. */
export function useQualityNavItems(objects: ObjectMeta[]) {
  if (!i18next.hasResourceBundle('en', 'quality-nav')) registerMessages('quality-nav', navMessages)
  const { t } = useTranslation('quality-nav')
  if (!objects.some((object) => object.name === 'accounts' && object.permissions.read)) return []
  return [{ key: '/quality', icon: <DashboardOutlined />, label: t('nav') }]
}
