import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { fieldOf } from '../metadata/use-metadata.ts'

const pseudo = (name: string, type: FieldMeta['type'], en: string, zh: string, operators: string[]): FieldMeta => ({
  name, type, label: { en, 'zh-CN': zh }, operators, required: false, readOnly: true, system: false, custom: false, sortable: false,
  ...(type === 'number' && { scale: 0, min: 1, max: 36500 }),
})

const NO_ACTIVITY = pseudo('$no_activity_days', 'number', 'Days without activity', '未跟进天数', ['gte', 'lt'])
const OPEN_OPPORTUNITY = pseudo('$open_opportunity', 'boolean', 'Has an open opportunity', '有进行中的商机', ['eq'])
const IMPORT = pseudo('$import', 'text', 'Created by import (id)', '由导入创建（导入编号）', ['eq'])

/**
 * The behavioural conditions of dynamic segments, as pseudo-fields of the filter builder; the server
 * offers the same ones (segments/behaviour-filters.ts) as `filter[$name][op]`.
 */
export function behaviourFields(object: ObjectMeta): FieldMeta[] {
  const fields: FieldMeta[] = []
  if (!object.custom && object.fields.some((field) => field.name === 'last_activity_at' && !field.custom)) fields.push(NO_ACTIVITY)
  if (object.name === 'accounts' || object.name === 'contacts') fields.push(OPEN_OPPORTUNITY)
  fields.push(IMPORT)
  return fields
}

/** A field or behavioural condition by name, for reading and writing list filters. */
export const filterFieldOf = (object: ObjectMeta, name: string): FieldMeta | undefined =>
  name.startsWith('$') ? behaviourFields(object).find((field) => field.name === name) : fieldOf(object, name)
