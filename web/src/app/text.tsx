import { theme } from 'antd'
import type { HTMLAttributes, ReactNode } from 'react'

/*
 * Plain text styles of the first screens, in Ant Design's colours and sizes. antd's Typography also
 * brings ellipsis measuring, copy and edit machinery (~8 KB gzip) that these places do not use.
 */
type TextProps = HTMLAttributes<HTMLSpanElement> & { children: ReactNode }

export function Muted({ children, style, ...rest }: TextProps) {
  const { token } = theme.useToken()
  return <span style={{ color: token.colorTextSecondary, ...style }} {...rest}>{children}</span>
}

export function DangerText({ children, style, ...rest }: TextProps) {
  const { token } = theme.useToken()
  return <span role="alert" style={{ color: token.colorError, ...style }} {...rest}>{children}</span>
}

export function PageTitle({ children, compact }: { children: ReactNode; compact?: boolean }) {
  const { token } = theme.useToken()
  return <h1 style={{ margin: 0, fontWeight: 600, fontSize: compact ? token.fontSizeHeading4 : token.fontSizeHeading3, color: token.colorTextHeading }}>{children}</h1>
}

export function Kbd({ children, style }: TextProps) {
  const { token } = theme.useToken()
  return (
    <kbd style={{ fontFamily: token.fontFamilyCode, fontSize: 12, padding: '0 4px', border: `1px solid ${token.colorBorder}`, borderBottomWidth: 2, borderRadius: 4, background: token.colorFillQuaternary, ...style }}>
      {children}
    </kbd>
  )
}
