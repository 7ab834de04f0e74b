import { FIELD_TYPES, type FieldType } from '../../../server/src/metadata/object-definition.ts'

export { FIELD_TYPES }

/** The declaration keys (custom-metadata.ts checkFieldDeclaration) an administrator may set per type. */
export type FieldSetting = 'options' | 'target' | 'maxLength' | 'min' | 'max' | 'scale' | 'searchable'

const NUMBER: FieldSetting[] = ['min', 'max', 'scale']

export const FIELD_SETTINGS: Record<FieldType, FieldSetting[]> = {
  text: ['maxLength', 'searchable'],
  long_text: ['maxLength'],
  rich_text: ['maxLength'],
  number: NUMBER,
  currency: ['scale'],
  percent: NUMBER,
  date: [],
  datetime: [],
  boolean: [],
  single_select: ['options'],
  multi_select: ['options'],
  email: ['searchable'],
  phone: ['searchable'],
  url: [],
  address: [],
  relation: ['target'],
  user: [],
  file: [],
  rating: ['max'],
  auto_number: [],
}

/** Tag colours offered for select options: antd preset names, which FieldValue's <Tag> renders. */
export const OPTION_COLOURS: Record<string, string> = {
  blue: '#1677ff', green: '#52c41a', gold: '#faad14', red: '#f5222d', purple: '#722ed1', cyan: '#13c2c2',
  orange: '#fa8c16', magenta: '#eb2f96', geekblue: '#2f54eb', lime: '#a0d911', volcano: '#fa541c', default: '#d9d9d9',
}
