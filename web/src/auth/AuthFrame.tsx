import { Flex, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../app/LanguageSwitch.tsx'
import { registerMessages } from '../i18n/register-messages.ts'
import { authMessages } from './messages.ts'

registerMessages('auth', authMessages)

/** The centred frame of the sign-in and sign-up screens, with the language switch. */
export function AuthFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { t: tAuth } = useTranslation('auth')
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <div style={{ position: 'absolute', top: 16, right: 16 }}><LanguageSwitch /></div>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>{t('product')}</Typography.Title>
      <Typography.Text type="secondary" style={{ marginBottom: 24 }}>{tAuth('tagline')}</Typography.Text>
      <div style={{ width: '100%', maxWidth: 380 }}>{children}</div>
    </Flex>
  )
}
