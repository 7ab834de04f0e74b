import { GlobalOutlined } from '@ant-design/icons'
import { Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { switchLanguage } from '../i18n/i18n.ts'
import { LOCALES } from '../i18n/language.ts'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    // Opened by a click (or a tap: phones have no hover).
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [i18n.language],
        items: LOCALES.map((locale) => ({ key: locale, label: t(`language.${locale}`) })),
        onClick: ({ key }) => void switchLanguage(key as (typeof LOCALES)[number]),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('header.language')} data-testid="language-switch">
        {t(`language.${i18n.language}`)}
      </Button>
    </Dropdown>
  )
}
