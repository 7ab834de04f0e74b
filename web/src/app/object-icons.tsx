import {
  AppstoreOutlined, BankOutlined, CalendarOutlined, ContactsOutlined, DollarOutlined, FunnelPlotOutlined,
  ShoppingOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons'
import { FileTextOutlined } from '@ant-design/icons'
import type { ReactNode } from 'react'

const ICONS: Record<string, ReactNode> = {
  accounts: <BankOutlined />,
  contacts: <ContactsOutlined />,
  leads: <FunnelPlotOutlined />,
  opportunities: <DollarOutlined />,
  activities: <CalendarOutlined />,
  products: <ShoppingOutlined />,
  users: <UserOutlined />,
  teams: <TeamOutlined />,
  quotes: <FileTextOutlined />,
}

export const objectIcon = (name: string): ReactNode => ICONS[name] ?? <AppstoreOutlined />

/** The sales modules in the order a sales team works through them; users and teams live in settings. */
export const MODULE_ORDER = ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'products']
/** Quote to cash, one menu under the quotes icon: price books, quotes, contracts, orders, payments, invoices. */
export const CASH_MODULES = ['price_books', 'quotes', 'contracts', 'orders', 'payments', 'invoices']
export const SETTINGS_OBJECTS = new Set(['users', 'teams'])
