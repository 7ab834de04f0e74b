import { appMessages } from '../app/messages.ts'
import { authMessages } from '../auth/messages.ts'
import { fieldMessages } from '../fields/messages.ts'
import { formsMessages } from '../forms/messages.ts'
import { kanbanMessages } from '../kanban/messages.ts'
import { recordPageMessages } from '../record-page/messages.ts'
import { recordsMessages } from '../records/messages.ts'
import { searchMessages } from '../search/messages.ts'
import { settingsMessages } from '../settings/messages.ts'
import type { Catalogue } from './define-messages.ts'

/** Every module's catalogue, by i18next namespace (the module's folder name). */
export const catalogues: Record<string, Catalogue<string>> = {
  app: appMessages,
  auth: authMessages,
  fields: fieldMessages,
  forms: formsMessages,
  records: recordsMessages,
  kanban: kanbanMessages,
  'record-page': recordPageMessages,
  search: searchMessages,
  settings: settingsMessages,
}
