import { useQuery } from '@tanstack/react-query'
import { Flex, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import { useMetadata } from '../metadata/use-metadata.ts'
import { importsApi, isBusy, type ImportJob } from './imports-api.ts'
import { importsMessages } from './messages.ts'

registerMessages('imports', importsMessages)

const STATUS_COLORS: Partial<Record<ImportJob['status'], string>> = { done: 'green', running: 'blue', queued: 'blue', failed: 'red', cancelled: 'orange', reverting: 'purple', reverted: 'purple' }

/** /imports — the latest imports (of one object with ?object=), with their results and reports. */
export function ImportHistoryPage() {
  const { t } = useTranslation('imports')
  const label = useLabel()
  const [params] = useSearchParams()
  const object = params.get('object') ?? undefined
  const { data: objects = [] } = useMetadata()
  const imports = useQuery({
    queryKey: ['imports', object],
    queryFn: () => importsApi.list(object),
    refetchInterval: (query) => (query.state.data?.data.some(isBusy) ? 2000 : false),
  })
  const objectLabel = (name: string) => {
    const meta = objects.find((candidate) => candidate.name === name)
    return meta ? label(meta.pluralLabel) : name
  }
  return (
    <Flex vertical gap={16} data-testid="import-history">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('history')}</Typography.Title>
      <Table size="small" rowKey="id" loading={imports.isLoading} dataSource={imports.data?.data ?? []} pagination={false} columns={[
        { title: t('history.file'), dataIndex: 'file_name' },
        { title: t('history.object'), dataIndex: 'object', render: objectLabel },
        { title: t('history.status'), dataIndex: 'status', render: (status: ImportJob['status']) => <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag> },
        {
          title: t('history.result'),
          render: (_, job: ImportJob) => (
            <Flex gap={8} wrap>
              <span>{t('run.counts', { created: job.created, updated: job.updated, skipped: job.skipped, rejected: job.rejected })}</span>
              {job.rejected > 0 && <a href={importsApi.reportUrl(job.id)} download>{t('run.report')}</a>}
            </Flex>
          ),
        },
        { title: t('history.when'), dataIndex: 'created_at', render: (value: string) => new Date(value).toLocaleString() },
      ]} />
    </Flex>
  )
}
