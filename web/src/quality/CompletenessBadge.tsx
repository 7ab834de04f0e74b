import { useQuery } from '@tanstack/react-query'
import { Card, Flex, Progress, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { fieldOf } from '../metadata/use-metadata.ts'
import { qualityMessages } from './messages.ts'
import { qualityApi } from './quality-api.ts'

registerMessages('quality', qualityMessages)

const colourOf = (score: number) => (score >= 80 ? '#52c41a' : score >= 50 ? '#faad14' : '#ff4d4f')

/** The record's completeness score and the fields it still misses, heaviest first. */
export function CompletenessBadge({ object, id, version }: { object: ObjectMeta; id: string; version: number }) {
  const { t } = useTranslation('quality')
  const label = useLabel()
  const { data } = useQuery({ queryKey: ['records', object.name, id, 'completeness', version], queryFn: () => qualityApi.record(object.name, id) })
  if (!data || Object.keys(data.weights).length === 0) return null
  return (
    <Card size="small" data-testid="completeness-badge">
      <Flex gap={12} align="center">
        <Progress type="circle" size={48} percent={data.score} strokeColor={colourOf(data.score)} />
        <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
          <Typography.Text strong>{t('badge.title')}</Typography.Text>
          {data.missing.length === 0
            ? <Typography.Text type="secondary">{t('badge.complete')}</Typography.Text>
            : (
              <Flex gap={4} wrap align="center" data-testid="completeness-missing">
                <Typography.Text type="secondary">{t('badge.missing')}</Typography.Text>
                {data.missing.map((missing) => {
                  const field = fieldOf(object, missing.field)
                  return <Tag key={missing.field}>{field ? label(field.label) : missing.field}</Tag>
                })}
              </Flex>
            )}
        </Space>
      </Flex>
    </Card>
  )
}
