import type { FieldType } from '../object-definition.ts'
import type { FieldTypeDefinition } from './field-type.ts'
import { booleanField, multiSelectField, singleSelectField } from './choice-types.ts'
import { autoNumberField, currencyField, numberField, percentField, ratingField } from './numeric-types.ts'
import { addressField, fileField, relationField, userField } from './reference-types.ts'
import { dateField, dateTimeField } from './temporal-types.ts'
import { emailField, longTextField, phoneField, richTextField, textField, urlField } from './text-types.ts'

/** The closed set of field types: the compiler names any type left out. */
export const fieldTypes: Record<FieldType, FieldTypeDefinition> = {
  text: textField,
  long_text: longTextField,
  rich_text: richTextField,
  number: numberField,
  currency: currencyField,
  percent: percentField,
  date: dateField,
  datetime: dateTimeField,
  boolean: booleanField,
  single_select: singleSelectField,
  multi_select: multiSelectField,
  email: emailField,
  phone: phoneField,
  url: urlField,
  address: addressField,
  relation: relationField,
  user: userField,
  file: fileField,
  rating: ratingField,
  auto_number: autoNumberField,
}

export type { FieldTypeDefinition } from './field-type.ts'
