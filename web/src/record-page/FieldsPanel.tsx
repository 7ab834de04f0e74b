import { Card, Descriptions, Grid } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { editableFields } from '../forms/form-fields.ts'
import { useFieldTitles } from '../fields/use-relation-titles.ts'
import { useLabel } from '../metadata/labels.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'
import { InlineField } from './InlineField.tsx'

const linkFields = (fields: FieldMeta[]) => fields.filter((field) => field.type === 'user' || (field.type === 'relation' && field.target !== '*'))

/** Every field of the record, each editable in place when the caller may change it. */
export function FieldsPanel({ object, record }: { object: ObjectMeta; record: ApiRecord }) {
  const { t } = useTranslation('record-page')
  const label = useLabel()
  const wide = Grid.useBreakpoint().lg
  const editable = new Set(object.permissions.update ? editableFields(object).map((field) => field.name) : [])
  // The owner, then what people fill in, then the audit stamps (created, updated).
  const rank = (field: FieldMeta) => (field.name === 'owner_id' ? 0 : field.system ? 2 : 1)
  const fields = object.fields.filter((field) => field.name !== 'id').sort((a, b) => rank(a) - rank(b))
  const titles = useFieldTitles(linkFields(fields), [record])
  return (
    <Card title={t('details')} size="small" data-testid="record-fields">
      <Descriptions column={1} size="small" layout={wide ? 'horizontal' : 'vertical'} styles={{ label: { width: wide ? 120 : undefined } }}
        items={fields.map((field) => ({
          key: field.name,
          label: label(field.label),
          children: <InlineField object={object.name} record={record} field={field} titles={titles} editable={editable.has(field.name)} />,
        }))} />
    </Card>
  )
}
