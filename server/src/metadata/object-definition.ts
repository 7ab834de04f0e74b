/** A user-facing text in every language the product ships. */
export interface Label {
  en: string
  'zh-CN': string
}

export const FIELD_TYPES = [
  'text', 'long_text', 'rich_text', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean',
  'single_select', 'multi_select', 'email', 'phone', 'url', 'address', 'relation', 'user', 'file',
  'rating', 'auto_number',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export interface SelectOption {
  value: string
  label: Label
  color?: string
  /** Default win probability (0–100) of a pipeline stage. */
  probability?: number
}

/** One field of an object: declared in code for standard objects, stored as a row for custom fields. */
export interface FieldDefinition {
  /** API and column name, snake_case. */
  name: string
  type: FieldType
  label: Label
  required?: boolean
  /** Text length limit (text types) — defaults per type. */
  maxLength?: number
  min?: number
  max?: number
  /** Digits after the decimal point for number, currency and percent. */
  scale?: number
  options?: SelectOption[]
  /** Object name a relation points to. */
  target?: string
  relationKind?: 'many_to_one' | 'many_to_many'
  /** Part of the record's global-search document. */
  searchable?: boolean
  /** Set by the system, never by a client. */
  readOnly?: boolean
  /** Runtime field, stored in the record's `custom` document. */
  custom?: boolean
  /** Kept in a column every record table has (id, owner, timestamps, version). */
  system?: boolean
  /** Its column never holds null (the table says `not null`): a list sorted by it has no empty-value segment. */
  notNull?: boolean
  /** Custom fields: the metadata row id. */
  id?: string
}

export interface ObjectDefinition {
  /** API name, plural: `/api/v1/{name}`. */
  name: string
  /** Singular name used for relations and events. */
  singular: string
  table: string
  label: Label
  pluralLabel: Label
  /** Field that names a record (search result title, relation display). */
  titleField: string
  /** The title is a person's name: search reads a leading 单/曾/解 as a surname. */
  personName?: boolean
  /** Has an owner, so record scope (own / team / all) applies. */
  owned: boolean
  /**
   * A boolean field that, when true, lets everyone who may read the object read the record
   * (a shared saved view); writes still follow the owner scope.
   */
  sharedFlag?: string
  /**
   * Records without an owner form a pool (公海) that everyone who may read the object can read;
   * writes still follow the owner scope (taking one is the pool's claim operation).
   */
  poolWhenUnowned?: boolean
  fields: FieldDefinition[]
  /** Default list sort, `-field` for descending. */
  defaultSort?: string
  custom?: boolean
  id?: string
  /** Default completeness weights (field → weight) of the data-quality score; a workspace may override them. */
  completeness?: Record<string, number>
  /** Columns the API never shows (a user's password hash). */
  privateColumns?: { name: string; sqlType: string }[]
  /** How likely duplicates of a record are found (server/src/duplicates/). */
  duplicateRules?: DuplicateRule[]
  /** Composite indexes beyond the one per field (report queries); each leads with workspace_id. */
  indexes?: ObjectIndex[]
  /** Summary tables kept in step with the live rows by triggers, for reports over many records (metadata/rollup-schema.ts). */
  rollups?: ObjectRollup[]
}

/** `{table}_{name}_idx` on (workspace_id, ...columns) include (...include), over live rows. */
export interface ObjectIndex {
  name: string
  columns: string[]
  include?: string[]
}

/**
 * `{table}_{name}_rollup`: one row per combination of the dimensions over the object's live rows
 * (`where`), holding `count` and the measures. Expressions are SQL over the record's columns,
 * written by developers. A rollup read through the record scope needs `owner_id` as a dimension.
 */
export interface ObjectRollup {
  name: string
  /** Rows it covers beyond `deleted_at is null`. */
  where?: string
  dimensions: Array<{ name: string; sqlType: string; expression?: string }>
  /** Additive measures: the sum of an expression, or how many rows have a non-null value. */
  measures: Array<{ name: string; sum: string } | { name: string; countOf: string }>
}

/**
 * One way two records may be the same: equal email (case-insensitive), equal phone in E.164, or a
 * fuzzy name (full-/half-width and pinyin folded) plus `company` — a text field or a relation id.
 * `organisation` names are compared with legal suffixes (有限公司, Ltd) removed.
 */
export type DuplicateRule =
  | { kind: 'email'; field: string }
  | { kind: 'phone'; field: string }
  | { kind: 'name'; field: string; company?: string; organisation?: boolean }

export function label(en: string, zh: string): Label {
  return { en, 'zh-CN': zh }
}
