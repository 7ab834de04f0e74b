/** Exact money arithmetic on decimal strings (2 places), so optimistic totals match the server's. */
const toCents = (text: string | null | undefined): bigint => {
  if (!text) return 0n
  const negative = text.startsWith('-')
  const [whole, fraction = ''] = text.replace('-', '').split('.')
  const cents = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2))
  return negative ? -cents : cents
}

const fromCents = (cents: bigint): string => {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

export const addDecimal = (a: string | null | undefined, b: string | null | undefined, sign: 1 | -1 = 1): string =>
  fromCents(toCents(a) + BigInt(sign) * toCents(b))
