import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Button, Flex, Table, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { importsApi, type ImportJob, type PreviewRow } from './imports-api.ts'

const ACTION_COLORS = { create: 'green', update: 'blue', skip: 'default', reject: 'red' } as const

/** Step 3: the first rows with each cell's validation, a dry run, and the start. */
export function PreviewStep({ job, onBack, onStarted }: { job: ImportJob; onBack: () => void; onStarted: (job: ImportJob) => void }) {
  const { t } = useTranslation('imports')
  const preview = useQuery({ queryKey: ['import-preview', job.id, job.mapping, job.match_key, job.on_duplicate], queryFn: () => importsApi.preview(job.id) })
  const dryRun = useMutation({ mutationFn: () => importsApi.dryRun(job.id) })
  const start = useMutation({ mutationFn: () => importsApi.start(job.id), onSuccess: onStarted })
  const mapped = job.headers.filter((header) => job.mapping[header])
  const columns = [
    { title: t('preview.row'), dataIndex: 'row', width: 60 },
    {
      title: t('preview.action'), width: 90,
      render: (_: unknown, row: PreviewRow) => <Tag color={ACTION_COLORS[row.action]}>{t(`preview.action.${row.action}`)}</Tag>,
    },
    ...mapped.map((header) => ({
      title: header,
      render: (_: unknown, row: PreviewRow) => {
        const cell = row.cells[job.headers.indexOf(header)] ?? ''
        const error = row.errors[header]
        return error
          ? <Tooltip title={error}><Typography.Text type="danger" data-testid="import-cell-error">{cell || error}</Typography.Text></Tooltip>
          : cell
      },
    })),
  ]
  const result = dryRun.data
  return (
    <Flex vertical gap={12}>
      <Table size="small" pagination={false} rowKey="row" loading={preview.isLoading} dataSource={preview.data?.rows ?? []} columns={columns} scroll={{ x: true }} />
      {result && (
        <Alert type="info" showIcon data-testid="import-dry-run-result" title={t('preview.dryRunResult', { ...result })}
          description={result.rejections.slice(0, 5).map((rejection) => <div key={rejection.row}>{t('preview.rejection', { row: rejection.row, reason: rejection.reason })}</div>)} />
      )}
      {start.error && <Alert type="error" showIcon title={start.error.message} />}
      <Flex justify="space-between">
        <Button onClick={onBack}>{t('preview.back')}</Button>
        <Flex gap={8}>
          <Button loading={dryRun.isPending} onClick={() => dryRun.mutate()} data-testid="import-dry-run">{t('preview.dryRun')}</Button>
          <Button type="primary" loading={start.isPending} onClick={() => start.mutate()} data-testid="import-start">{t('preview.start')}</Button>
        </Flex>
      </Flex>
    </Flex>
  )
}
