import { Card, Flex, Steps, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import { useObjectMeta } from '../metadata/use-metadata.ts'
import type { ImportJob } from './imports-api.ts'
import { importsMessages } from './messages.ts'
import { MappingStep } from './MappingStep.tsx'
import { PreviewStep } from './PreviewStep.tsx'
import { RunStep } from './RunStep.tsx'
import { UploadStep } from './UploadStep.tsx'

registerMessages('imports', importsMessages)

type Step = 'upload' | 'mapping' | 'preview' | 'run'
const STEPS: Step[] = ['upload', 'mapping', 'preview', 'run']

/** /o/:object/import — the import wizard: upload → mapping → preview and dry run → progress and result. */
export function ImportPage() {
  const { t } = useTranslation('imports')
  const label = useLabel()
  const { object: objectName } = useParams()
  const object = useObjectMeta(objectName)
  const [step, setStep] = useState<Step>('upload')
  const [job, setJob] = useState<ImportJob>()
  const [round, setRound] = useState(0)
  if (!object) return null
  const go = (next: Step, updated?: ImportJob) => {
    if (updated) setJob(updated)
    setStep(next)
  }
  return (
    <Flex vertical gap={16} data-testid="import-page">
      <Flex justify="space-between" align="baseline">
        <Typography.Title level={3} style={{ margin: 0 }}>{t('title', { object: label(object.pluralLabel) })}</Typography.Title>
        <Link to={`/imports?object=${object.name}`}>{t('history')}</Link>
      </Flex>
      <Steps current={STEPS.indexOf(step)} items={STEPS.map((name) => ({ title: t(`step.${name}`) }))} />
      <Card>
        {step === 'upload' && <UploadStep key={round} object={object.name} onUploaded={(uploaded) => go('mapping', uploaded)} />}
        {step === 'mapping' && job && <MappingStep object={object} job={job} onDone={(configured) => go('preview', configured)} />}
        {step === 'preview' && job && <PreviewStep job={job} onBack={() => go('mapping')} onStarted={(started) => go('run', started)} />}
        {step === 'run' && job && <RunStep initial={job} onAgain={() => { setJob(undefined); setRound(round + 1); go('upload') }} />}
      </Card>
    </Flex>
  )
}
