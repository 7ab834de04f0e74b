import { messagesEn, type MessageKey } from './messages-en.ts'
import { messagesZhCn } from './messages-zh-cn.ts'

export type Locale = 'zh-CN' | 'en'

const catalogues: Record<Locale, Record<MessageKey, string>> = { en: messagesEn, 'zh-CN': messagesZhCn }

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][key] ?? messagesEn[key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

export function isMessageKey(key: string): key is MessageKey {
  return key in messagesEn
}

/** The best supported language of an Accept-Language header; English when nothing matches. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'en'
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';')
      const quality = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.toLowerCase(), q: quality ? Number(quality.slice(2)) || 0 : 1 }
    })
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN'
    if (tag.startsWith('en')) return 'en'
  }
  return 'en'
}
