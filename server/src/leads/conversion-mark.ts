import type { RecordContext } from '../records/record-context.ts'

/** The read-only conversion fields a lead gets when it is converted. */
export interface ConversionMark {
  converted_at: string
  converted_account_id: string
  converted_contact_id: string
  converted_opportunity_id: string | null
}

// Only the conversion service holds such a context, so no request body can mark a lead converted.
const marks = new WeakMap<RecordContext, ConversionMark>()

export function conversionContext(ctx: RecordContext, mark: ConversionMark): RecordContext {
  const marking = { ...ctx }
  marks.set(marking, mark)
  return marking
}

export const conversionMarkOf = (ctx: RecordContext): ConversionMark | undefined => marks.get(ctx)
