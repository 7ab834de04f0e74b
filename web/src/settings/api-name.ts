/** Names the server accepts for fields and objects (server/src/metadata/field-sql.ts SAFE_NAME, at most 40). */
export const API_NAME_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

/** An API name suggested from an English label: "WeChat level" → "wechat_level". */
export function suggestApiName(english: string): string {
  const snake = english
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
  return snake.slice(0, 40).replace(/_+$/, '')
}
