import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Flex, Input, Radio, Select, Space, Table, Typography, message } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { importsApi, type ImportJob, type OnDuplicate } from './imports-api.ts'

const KEY_TYPES = ['text', 'email', 'phone', 'url', 'number', 'auto_number']

/** Step 2: each column's field (suggestions pre-filled), the duplicate key and choice, templates. */
export function MappingStep({ object, job, onDone }: { object: ObjectMeta; job: ImportJob; onDone: (job: ImportJob) => void }) {
  const { t } = useTranslation('imports')
  const label = useLabel()
  const [mapping, setMapping] = useState(job.mapping)
  const [matchKey, setMatchKey] = useState<string | null>(job.match_key)
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>(job.on_duplicate)
  const [templateName, setTemplateName] = useState('')
  const [error, setError] = useState<string>()
  const templates = useQuery({ queryKey: ['import-templates', object.name], queryFn: () => importsApi.templates(object.name) })
  const preview = useQuery({ queryKey: ['import-preview', job.id, 'raw'], queryFn: () => importsApi.preview(job.id) })
  const importable = object.fields.filter((field) => !field.readOnly && field.type !== 'file' && field.type !== 'auto_number')
  const fieldOptions = importable.map((field) => ({ value: field.name, label: label(field.label) }))
  const keyOptions = importable.filter((field) => KEY_TYPES.includes(field.type)).map((field) => ({ value: field.name, label: label(field.label) }))
  const applyTemplate = (id: string) => {
    const template = templates.data?.data.find((candidate) => candidate.id === id)
    if (!template) return
    setMapping(Object.fromEntries(job.headers.map((header) => [header, template.mapping[header] ?? mapping[header] ?? null])))
    setMatchKey(template.match_key)
    if (template.on_duplicate) setOnDuplicate(template.on_duplicate)
  }
  const save = async () => {
    await importsApi.saveTemplate(object.name, templateName, { mapping, match_key: matchKey, on_duplicate: onDuplicate })
    void templates.refetch()
    void message.success(t('mapping.saved'))
  }
  const next = async () => {
    try {
      onDone(await importsApi.configure(job.id, { mapping, match_key: matchKey, on_duplicate: onDuplicate }))
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    }
  }
  const firstRow = preview.data?.rows[0]?.cells ?? []
  const rows = job.headers.map((header, index) => ({ header, sample: firstRow[index] ?? '' }))
  return (
    <Flex vertical gap={12}>
      {Boolean(templates.data?.data.length) && (
        <Space>
          <Typography.Text>{t('mapping.template')}</Typography.Text>
          <Select style={{ width: 220 }} onChange={applyTemplate} options={templates.data!.data.map((template) => ({ value: template.id, label: template.name }))} />
        </Space>
      )}
      <Table size="small" pagination={false} rowKey="header" dataSource={rows} columns={[
        { title: t('mapping.column'), dataIndex: 'header' },
        { title: t('mapping.sample'), dataIndex: 'sample', render: (sample: string) => <Typography.Text type="secondary">{sample}</Typography.Text> },
        {
          title: t('mapping.field'),
          render: (_, row) => (
            <div data-testid={`import-mapping-${row.header}`}>
              <Select style={{ width: 240 }} showSearch={{ optionFilterProp: 'label' }} value={mapping[row.header] ?? ''}
                options={[{ value: '', label: t('mapping.skip') }, ...fieldOptions]}
                onChange={(value: string) => setMapping((current) => ({ ...current, [row.header]: value || null }))} />
            </div>
          ),
        },
      ]} />
      <Space wrap>
        <Typography.Text>{t('mapping.matchKey')}</Typography.Text>
        <Select style={{ width: 200 }} value={matchKey ?? ''} data-testid="import-match-key"
          options={[{ value: '', label: t('mapping.noMatch') }, ...keyOptions]} onChange={(value: string) => setMatchKey(value || null)} />
        {matchKey && (
          <Radio.Group value={onDuplicate} onChange={(event) => setOnDuplicate(event.target.value)} data-testid="import-on-duplicate"
            options={(['skip', 'update', 'create'] as const).map((choice) => ({ value: choice, label: t(`mapping.dup.${choice}`) }))} />
        )}
      </Space>
      <Space wrap>
        <Input style={{ width: 200 }} placeholder={t('mapping.templateName')} value={templateName} onChange={(event) => setTemplateName(event.target.value)} />
        <Button disabled={!templateName.trim()} onClick={() => void save()}>{t('mapping.saveTemplate')}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <Flex justify="end"><Button type="primary" onClick={() => void next()} data-testid="import-mapping-next">{t('mapping.next')}</Button></Flex>
    </Flex>
  )
}
