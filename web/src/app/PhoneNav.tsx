import { Drawer } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** The module menu of a phone screen, sliding in from the left. */
export function PhoneNav({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Drawer placement="left" open onClose={onClose} size={260} title={t('product')} styles={{ body: { padding: 0 } }}>
      {children}
    </Drawer>
  )
}
