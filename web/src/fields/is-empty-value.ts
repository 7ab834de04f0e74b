/** No value: null, empty text or list, or an object (money, address) whose parts are all empty. Small on purpose: the list's first screen needs it without the field checks. */
export const isEmptyValue = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every((part) => part === null || part === undefined || part === ''))
