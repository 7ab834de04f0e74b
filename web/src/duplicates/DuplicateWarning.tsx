import { Alert, Flex, Form, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DuplicateMatch } from '../api/duplicates.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { duplicatesMessages } from './messages.ts'
import { useDuplicateCheck } from './use-duplicate-check.ts'

registerMessages('duplicates', duplicatesMessages)

/** "可能重复": the likely duplicates, each a link with the rules it matched. */
export function DuplicateList({ object, matches, action }: { object: ObjectMeta; matches: DuplicateMatch[]; action?: React.ReactNode }) {
  const { t } = useTranslation('duplicates')
  if (matches.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      style={{ marginBottom: 16 }}
      title={t('warning.title')}
      action={action}
      description={
        <Flex vertical gap={4}>
          <span>{t('warning.body')}</span>
          {matches.map(({ record, matches: rules }) => (
            <Flex key={record.id} gap={8} align="center" wrap>
              <Link to={`/o/${object.name}/${record.id}`} target="_blank">{String(record[object.titleField] ?? record.id)}</Link>
              {rules.map((rule) => <Tag key={rule} color="orange">{t(`rule.${rule}`)}</Tag>)}
            </Flex>
          ))}
        </Flex>
      }
    />
  )
}

/** Inside a record form: checks the values being typed (a warning only; saving stays possible). */
export function FormDuplicateWarning({ object, excludeId }: { object: ObjectMeta; excludeId?: string }) {
  const form = Form.useFormInstance()
  const values = (Form.useWatch([], form) ?? {}) as Record<string, unknown>
  const check = useDuplicateCheck(object, values, excludeId)
  return <DuplicateList object={object} matches={check.data?.data ?? []} />
}
