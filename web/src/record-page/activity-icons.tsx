import { CalendarOutlined, CheckSquareOutlined, FileTextOutlined, MailOutlined, MessageOutlined, PhoneOutlined } from '@ant-design/icons'
import type { ReactNode } from 'react'

/** The icon of each activity type; types added by an admin get a generic one. */
const ICONS: Record<string, ReactNode> = {
  call: <PhoneOutlined />,
  meeting: <CalendarOutlined />,
  email: <MailOutlined />,
  task: <CheckSquareOutlined />,
  note: <FileTextOutlined />,
}

export const activityIcon = (type: unknown): ReactNode => ICONS[String(type)] ?? <MessageOutlined />
