import type { Locale } from '../../../server/src/i18n/translate.ts'

export type { Locale }
export const LOCALES: Locale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'rapport.language'

/** The saved choice, else the browser's first zh or en preference, else 简体中文. */
export function initialLanguage(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY)
  if (saved === 'zh-CN' || saved === 'en') return saved
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lower = tag.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
  }
  return 'zh-CN'
}

export function rememberLanguage(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale)
}
