import { CalendarOutlined, CheckSquareOutlined, FileTextOutlined, PhoneOutlined } from '@ant-design/icons'
import { Button, Flex } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuickKind } from './QuickActivityForm.tsx'

const ACTIONS: Array<{ kind: QuickKind; icon: ReactNode }> = [
  { kind: 'call', icon: <PhoneOutlined /> },
  { kind: 'meeting', icon: <CalendarOutlined /> },
  { kind: 'note', icon: <FileTextOutlined /> },
  { kind: 'task', icon: <CheckSquareOutlined /> },
]

/** The four quick actions; on a phone they sit in a bar fixed to the bottom of the screen. */
export function QuickActions({ onPick, phone }: { onPick: (kind: QuickKind) => void; phone: boolean }) {
  const { t } = useTranslation('record-page')
  const bar = phone
    ? { position: 'fixed' as const, left: 0, right: 0, bottom: 0, zIndex: 20, background: '#fff', borderTop: '1px solid #f0f0f0', padding: '8px 8px calc(8px + env(safe-area-inset-bottom))' }
    : undefined
  return (
    <Flex gap={8} wrap={!phone} style={bar} data-testid="quick-actions">
      {ACTIONS.map(({ kind, icon }) => (
        <Button key={kind} icon={icon} onClick={() => onPick(kind)} data-testid={`quick-${kind}`} style={phone ? { flex: 1, paddingInline: 4 } : undefined}>
          {t(`quick.${kind}.button`)}
        </Button>
      ))}
    </Flex>
  )
}
