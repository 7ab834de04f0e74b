import { InboxOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Alert, List, Modal, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { importVcards, type CardResult } from './exports-api.ts'

interface Outcome {
  created: number
  failed: number
  results: CardResult[]
}

/** Upload a .vcf file; shows how many contacts were created and why each rejected card was refused. */
export function VcardImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('exports')
  const queryClient = useQueryClient()
  const [running, setRunning] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()
  const [error, setError] = useState<string>()

  const upload = async (file: File) => {
    setRunning(true)
    setError(undefined)
    try {
      setOutcome(await importVcards(await file.text()))
      await queryClient.invalidateQueries({ queryKey: ['records', 'contacts'] })
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    } finally {
      setRunning(false)
    }
  }

  const rejected = outcome?.results.filter((result) => result.status === 'failed') ?? []
  return (
    <Modal open title={t('import.title')} onCancel={onClose} footer={null} destroyOnHidden data-testid="vcard-import">
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Upload.Dragger accept=".vcf,text/vcard" multiple={false} showUploadList={false} disabled={running}
        beforeUpload={(file) => {
          void upload(file)
          return false
        }}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p>{running ? t('import.running') : t('import.choose')}</p>
      </Upload.Dragger>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={t('import.failed')} description={error} />}
      {outcome && (
        <Alert style={{ marginTop: 12 }} type={outcome.failed > 0 ? 'warning' : 'success'} showIcon data-testid="vcard-import-summary"
          title={t('import.summary', { created: outcome.created, failed: outcome.failed })} />
      )}
      {rejected.length > 0 && (
        <List size="small" style={{ marginTop: 8 }} dataSource={rejected}
          renderItem={(result) => (
            <List.Item>
              <List.Item.Meta title={t('import.card', { number: result.index + 1, name: result.name })}
                description={result.error?.fields.map((field) => `${field.field}: ${field.message}`).join('; ')} />
            </List.Item>
          )} />
      )}
    </Modal>
  )
}
