import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Flex, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { behaviourFields, filterFieldOf } from '../segments/behaviour-fields.ts'
import { ConditionValue } from './ConditionValue.tsx'
import { isComplete, newConditionKey, type Condition } from './list-state.ts'
import { useIsPhone } from '../app/use-is-phone.ts'

interface FilterBuilderProps {
  object: ObjectMeta
  conditions: Condition[]
  onApply: (conditions: Condition[]) => void
  onClose: () => void
}

/** Conditions (all must hold) built field → operator → value; the list changes on "apply". */
export function FilterBuilder({ object, conditions, onApply, onClose }: FilterBuilderProps) {
  const { t } = useTranslation('records')
  const { t: tf } = useTranslation('fields')
  const label = useLabel()
  const phone = useIsPhone()
  const [draft, setDraft] = useState(conditions)
  const usable = object.fields.filter((field) => field.operators.length > 0 && field.name !== 'id')
  // The object's own fields first, then owner and timestamps.
  const filterable = [...usable.filter((field) => !field.system), ...usable.filter((field) => field.system), ...behaviourFields(object)]
  const update = (key: string, change: Partial<Condition>) =>
    setDraft((current) => current.map((condition) => (condition.key === key ? { ...condition, ...change } : condition)))
  const add = () => {
    const field = filterable[0]
    setDraft((current) => [...current, { key: newConditionKey(), field: field.name, op: field.operators[0], value: null }])
  }
  const apply = () => {
    onApply(draft.filter(isComplete))
    onClose()
  }
  return (
    <Card size="small" data-testid="filter-builder" title={t('filters.title')}
      extra={<Button type="link" size="small" onClick={() => setDraft([])}>{t('filters.clear')}</Button>}>
      <Flex vertical gap={8}>
        {draft.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('filters.none')} />}
        {draft.map((condition) => {
          const field = filterFieldOf(object, condition.field)
          return (
            <Flex key={condition.key} gap={8} align="center" wrap={phone} data-testid="filter-condition">
              <Select style={{ width: phone ? '100%' : 200 }} showSearch={{ optionFilterProp: 'label' }} value={condition.field} data-testid="filter-field"
                options={filterable.map((candidate) => ({ value: candidate.name, label: label(candidate.label) }))}
                onChange={(name) => update(condition.key, { field: name, op: filterFieldOf(object, name)!.operators[0], value: null })} />
              <Select style={{ width: phone ? '100%' : 150 }} value={condition.op} data-testid="filter-operator"
                options={(field?.operators ?? []).map((op) => ({ value: op, label: tf(`op.${op}`) }))}
                onChange={(op) => update(condition.key, { op, value: null })} />
              <div style={{ flex: 1, minWidth: phone ? '100%' : 200 }} data-testid="filter-value">
                {field && <ConditionValue field={field} op={condition.op} value={condition.value} onChange={(value) => update(condition.key, { value })} />}
              </div>
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('filters.remove')} data-testid="filter-remove"
                onClick={() => setDraft((current) => current.filter((other) => other.key !== condition.key))} />
            </Flex>
          )
        })}
        <Flex gap={8} justify="space-between" wrap>
          <Button icon={<PlusOutlined />} onClick={add} data-testid="filter-add" disabled={filterable.length === 0}>{t('filters.add')}</Button>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('filters.cancel')}</Button>
            <Button type="primary" onClick={apply} data-testid="filter-apply">{t('filters.apply')}</Button>
          </Flex>
        </Flex>
      </Flex>
    </Card>
  )
}
