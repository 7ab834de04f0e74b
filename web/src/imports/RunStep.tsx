import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Flex, Popconfirm, Progress, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { importsApi, isActive, isBusy, type ImportJob } from './imports-api.ts'

const POLL_MS = 1000

/** Rows per second and seconds left, from the rows done between the start and the last committed batch. */
function rateOf(job: ImportJob) {
  const seconds = job.started_at ? (new Date(job.updated_at).getTime() - new Date(job.started_at).getTime()) / 1000 : 0
  const rate = seconds > 0 ? job.rows_done / seconds : 0
  const left = rate > 0 && job.total_rows ? Math.ceil((job.total_rows - job.rows_done) / rate) : undefined
  return { rate: Math.round(rate), left }
}

/** Step 4: progress while the job runs, then the counts, the rejected-rows report and revert. */
export function RunStep({ initial, onAgain }: { initial: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation('imports')
  const client = useQueryClient()
  const { data: job = initial } = useQuery({
    queryKey: ['import', initial.id],
    queryFn: () => importsApi.get(initial.id),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isBusy(query.state.data) ? POLL_MS : false),
  })
  const { rate, left } = rateOf(job)
  const total = job.total_rows ?? 0
  const percent = total > 0 ? Math.floor((job.rows_done / total) * 100) : isActive(job) ? 0 : 100
  const update = (next: ImportJob) => client.setQueryData(['import', job.id], next)
  return (
    <Flex vertical gap={12} data-testid="import-run" data-status={job.status}>
      <Progress percent={percent} status={job.status === 'failed' ? 'exception' : isActive(job) ? 'active' : 'normal'} data-testid="import-progress" />
      <Space wrap>
        <Typography.Text>{t('run.progress', { done: job.rows_done, total })}</Typography.Text>
        {isActive(job) && rate > 0 && <Typography.Text type="secondary">{t('run.rate', { rate })}</Typography.Text>}
        {isActive(job) && left !== undefined && <Typography.Text type="secondary">{t('run.left', { seconds: left })}</Typography.Text>}
        <Typography.Text strong data-testid="import-status">{t(`status.${job.status}`)}</Typography.Text>
      </Space>
      <Typography.Text data-testid="import-counts">{t('run.counts', { created: job.created, updated: job.updated, skipped: job.skipped, rejected: job.rejected })}</Typography.Text>
      {job.error && <Alert type="error" showIcon title={job.error} />}
      <Space wrap>
        {isActive(job) && <Button danger onClick={() => void importsApi.cancel(job.id).then(update)} data-testid="import-cancel">{t('run.cancel')}</Button>}
        {!isBusy(job) && job.rejected > 0 && (
          <a href={importsApi.reportUrl(job.id)} download data-testid="import-report"><Button>{t('run.report')}</Button></a>
        )}
        {['done', 'cancelled', 'failed'].includes(job.status) && (job.created > 0 || job.updated > 0) && (
          <Popconfirm title={t('run.revertConfirm')} onConfirm={() => importsApi.revert(job.id).then(update)}>
            <Button data-testid="import-revert">{t('run.revert')}</Button>
          </Popconfirm>
        )}
        {!isBusy(job) && <Button type="link" onClick={onAgain}>{t('run.again')}</Button>}
      </Space>
      {job.status === 'reverting' && <Alert type="info" showIcon title={t('run.reverting', job.reverted)} data-testid="import-reverting" />}
      {job.status === 'reverted' && <Alert type="success" showIcon title={t('run.reverted', job.reverted)} data-testid="import-reverted" />}
    </Flex>
  )
}
