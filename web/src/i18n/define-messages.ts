/**
 * A module's message catalogue in every language the product ships. The zh-CN table must have
 * exactly the keys of the English one, so a missing translation is a compile error.
 */
export interface Catalogue<Keys extends string> {
  en: Record<Keys, string>
  'zh-CN': Record<Keys, string>
}

export function defineMessages<Keys extends string>(catalogue: Catalogue<Keys>): Catalogue<Keys> {
  return catalogue
}
