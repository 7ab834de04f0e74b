import i18next from 'i18next'
import type { Catalogue } from './define-messages.ts'

/**
 * Adds the catalogue of a module that loads on demand (settings, the record page, the kanban) when
 * its code arrives, so the first screen does not carry every screen's words.
 */
export function registerMessages(namespace: string, catalogue: Catalogue<string>) {
  i18next.addResourceBundle('en', namespace, catalogue.en, true, true)
  i18next.addResourceBundle('zh-CN', namespace, catalogue['zh-CN'], true, true)
}
