import { InboxOutlined } from '@ant-design/icons'
import i18next from 'i18next'
import { useTranslation } from 'react-i18next'
import { defineMessages } from '../i18n/define-messages.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'

// Only the navigation label loads with the first screen; the page brings the rest of its words.
const navMessages = defineMessages({ en: { 'nav': 'Customer pool' }, 'zh-CN': { 'nav': '客户公海' } })

/** The navigation entry of the customer pool, for whoever may read accounts. */
export function usePoolNavItems(objects: ObjectMeta[]) {
  // Registered on first render: i18next is initialised by then, not at import time.
  if (!i18next.hasResourceBundle('en', 'pool-nav')) registerMessages('pool-nav', navMessages)
  const { t } = useTranslation('pool-nav')
  if (!objects.some((object) => object.name === 'accounts' && object.permissions.read)) return []
  return [{ key: '/pool', icon: <InboxOutlined />, label: t('nav') }]
}
