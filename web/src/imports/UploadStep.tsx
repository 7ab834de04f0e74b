import { Alert, Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { importsApi, type ImportJob } from './imports-api.ts'

/** Step 1: the file goes up as a stream; the server answers with its headers and suggested mapping. */
export function UploadStep({ object, onUploaded }: { object: string; onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation('imports')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const choose = async (file: File | undefined) => {
    if (!file) return
    setBusy(true)
    setError(undefined)
    try {
      const job = await importsApi.create(object, file.name)
      onUploaded(await importsApi.upload(job.id, file))
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('upload.hint')}</Typography.Text>
      <label>
        <Typography.Text strong>{t('upload.choose')}</Typography.Text>
        <br />
        <input type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file" disabled={busy} onChange={(event) => void choose(event.target.files?.[0])} />
      </label>
      {busy && <Typography.Text>{t('upload.uploading')}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} />}
    </Flex>
  )
}
