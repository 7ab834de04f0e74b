import { useTranslation } from 'react-i18next'
import type { Label } from './types.ts'

/** Picks a metadata label (field, object, option) in the current language. */
export function useLabel() {
  const { i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  return (label: Label | undefined) => (label ? label[locale] : '')
}
