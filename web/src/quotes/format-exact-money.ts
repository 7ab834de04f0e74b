import { formatMoney } from '../../../server/src/quotes/quote-pdf-labels.ts'

/** "¥1,234.50" from the exact text, to the cent, the same as the PDF prints it. */
export const formatExactMoney = (amount: string | null | undefined, currency: string) => formatMoney(amount, currency)
