import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { catalogues } from './catalogues.ts'
import { initialLanguage, rememberLanguage, type Locale } from './language.ts'

function resources() {
  const byLanguage: Record<Locale, Record<string, Record<string, string>>> = { en: {}, 'zh-CN': {} }
  for (const [namespace, catalogue] of Object.entries(catalogues)) {
    byLanguage.en[namespace] = catalogue.en
    byLanguage['zh-CN'][namespace] = catalogue['zh-CN']
  }
  return { en: byLanguage.en, 'zh-CN': byLanguage['zh-CN'] }
}

export async function startI18n() {
  const language = initialLanguage()
  document.documentElement.lang = language
  await i18next.use(initReactI18next).init({
    resources: resources(),
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
}

export async function switchLanguage(locale: Locale) {
  rememberLanguage(locale)
  document.documentElement.lang = locale
  await i18next.changeLanguage(locale)
}

export const currentLanguage = (): Locale => (i18next.language === 'en' ? 'en' : 'zh-CN')
