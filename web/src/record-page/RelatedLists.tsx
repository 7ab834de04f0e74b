import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { useLabel } from '../metadata/labels.ts'
import type { Relationship } from './related-objects.ts'
import { RelatedList } from './RelatedList.tsx'

/** One tab per object that points at this record (an account's contacts, opportunities, activities). */
export function RelatedLists({ relationships, record, onCreated }: { relationships: Relationship[]; record: ApiRecord; onCreated: () => void }) {
  const { t } = useTranslation('record-page')
  const label = useLabel()
  if (relationships.length === 0) return null
  // Two links from the same object (a primary and a secondary contact) are told apart by the field.
  const repeated = (relationship: Relationship) => relationships.filter((other) => other.object.name === relationship.object.name).length > 1
  return (
    <Card size="small" title={t('related')} data-testid="related-lists">
      <Tabs size="small" items={relationships.map((relationship) => ({
        key: `${relationship.object.name}.${relationship.field.name}`,
        label: repeated(relationship) ? `${label(relationship.object.pluralLabel)} · ${label(relationship.field.label)}` : label(relationship.object.pluralLabel),
        children: <RelatedList relationship={relationship} record={record} onCreated={onCreated} />,
      }))} />
    </Card>
  )
}
