import { appMessages } from '../app/messages.ts'
import { fieldMessages } from '../fields/messages.ts'
import { recordsMessages } from '../records/messages.ts'
import type { Catalogue } from './define-messages.ts'

/**
 * The catalogues of the first screens, by i18next namespace (the module's folder name). Modules that
 * load on demand register theirs when they arrive (register-messages.ts).
 */
export const catalogues: Record<string, Catalogue<string>> = {
  app: appMessages,
  fields: fieldMessages,
  records: recordsMessages,
}
