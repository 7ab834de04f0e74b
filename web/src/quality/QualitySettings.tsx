import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Flex, InputNumber, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { useLabel } from '../metadata/labels.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { fieldOf, useMetadata } from '../metadata/use-metadata.ts'
import { qualityMessages } from './messages.ts'
import { qualityApi, type QualitySettings as QualitySettingsBody, type StageRule } from './quality-api.ts'

registerMessages('quality', qualityMessages)

const SCORED = ['accounts', 'contacts', 'leads', 'opportunities']
const scorable = (object: ObjectMeta) => object.fields.filter((field) => !field.system && !field.readOnly)

/** /settings/quality: completeness weights and required-fields-by-stage rules, per object. */
export function QualitySettings() {
  const label = useLabel()
  const { data: objects = [] } = useMetadata()
  const candidates = objects.filter((object) => SCORED.includes(object.name) || object.custom)
  const [objectName, setObjectName] = useState('opportunities')
  const object = candidates.find((candidate) => candidate.name === objectName)
  return (
    <Flex vertical gap={12} data-testid="quality-settings">
      <Select style={{ width: 220 }} value={objectName} onChange={setObjectName} data-testid="quality-settings-object"
        options={candidates.map((candidate) => ({ value: candidate.name, label: label(candidate.pluralLabel) }))} />
      {object && <ObjectQualitySettings key={object.name} object={object} />}
    </Flex>
  )
}

function ObjectQualitySettings({ object }: { object: ObjectMeta }) {
  const settings = useQuery({ queryKey: ['quality-settings', object.name], queryFn: () => qualityApi.settings(object.name) })
  // Keyed by the saved settings, so the form starts again from what the server holds after a save.
  return settings.data ? <QualityForm key={JSON.stringify(settings.data)} object={object} settings={settings.data} /> : null
}

function QualityForm({ object, settings }: { object: ObjectMeta; settings: QualitySettingsBody }) {
  const { t } = useTranslation('quality')
  const label = useLabel()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [weights, setWeights] = useState<Record<string, number>>(settings.weights)
  const [rules, setRules] = useState<StageRule[]>(settings.stage_rules)
  const save = useMutation({
    mutationFn: (body: Parameters<typeof qualityApi.saveSettings>[1]) => qualityApi.saveSettings(object.name, body),
    onSuccess: (data) => {
      client.setQueryData(['quality-settings', object.name], data)
      void client.invalidateQueries({ queryKey: ['records', object.name] })
      void message.success(t('settings.saved'))
    },
    onError: (error) => message.error(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('settings.failed')),
  })
  const fieldOptions = scorable(object).map((field) => ({ value: field.name, label: label(field.label) }))
  const selects = object.fields.filter((field) => field.type === 'single_select' && !field.system)
  const fieldLabel = (name: string) => { const field = fieldOf(object, name); return field ? label(field.label) : name }
  const setRule = (index: number, change: Partial<StageRule>) => setRules((current) => current.map((rule, i) => (i === index ? { ...rule, ...change } : rule)))
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('settings.weights')}>
        <Typography.Paragraph type="secondary">{t('settings.weightsHelp')}</Typography.Paragraph>
        <Flex vertical gap={6}>
          {Object.entries(weights).map(([name, weight]) => (
            <Flex key={name} gap={8} align="center">
              <span style={{ width: 180 }}>{fieldLabel(name)}</span>
              <InputNumber min={0} max={100} precision={0} value={weight} onChange={(value) => setWeights((current) => ({ ...current, [name]: Number(value ?? 0) }))} />
            </Flex>
          ))}
          <Select style={{ width: 220 }} value={null} placeholder={t('settings.addField')} data-testid="quality-add-weight"
            options={fieldOptions.filter((option) => !(option.value in weights))} onChange={(name: string) => setWeights((current) => ({ ...current, [name]: 1 }))} />
        </Flex>
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate({ weights })} data-testid="quality-save-weights">{t('settings.save')}</Button>
          <Button disabled={!settings.custom_weights} onClick={() => save.mutate({ weights: null })}>{t('settings.resetWeights')}</Button>
        </Flex>
      </Card>
      <Card size="small" title={t('settings.rules')}>
        <Typography.Paragraph type="secondary">{t('settings.rulesHelp')}</Typography.Paragraph>
        <Flex vertical gap={8}>
          {rules.map((rule, index) => {
            const field = fieldOf(object, rule.field)
            return (
              <Flex key={index} gap={8} align="center" wrap data-testid="quality-rule">
                <span>{t('settings.when')}</span>
                <Select style={{ width: 150 }} value={rule.field} options={selects.map((select) => ({ value: select.name, label: label(select.label) }))}
                  onChange={(name: string) => setRule(index, { field: name, value: fieldOf(object, name)?.options?.[0]?.value ?? '' })} />
                <span>{t('settings.is')}</span>
                <Select style={{ width: 160 }} value={rule.value} options={(field?.options ?? []).map((option) => ({ value: option.value, label: label(option.label) }))}
                  onChange={(value: string) => setRule(index, { value })} />
                <span>{t('settings.require')}</span>
                <Select style={{ minWidth: 240, flex: 1 }} mode="multiple" value={rule.required} options={fieldOptions} onChange={(required: string[]) => setRule(index, { required })} />
                <Button type="text" icon={<DeleteOutlined />} onClick={() => setRules((current) => current.filter((_, i) => i !== index))} />
              </Flex>
            )
          })}
          <Button icon={<PlusOutlined />} style={{ alignSelf: 'flex-start' }} disabled={selects.length === 0} data-testid="quality-add-rule"
            onClick={() => setRules((current) => [...current, { field: selects[0].name, value: selects[0].options?.[0]?.value ?? '', required: [] }])}>
            {t('settings.addRule')}
          </Button>
        </Flex>
        <Button type="primary" style={{ marginTop: 12 }} loading={save.isPending} onClick={() => save.mutate({ stage_rules: rules })} data-testid="quality-save-rules">{t('settings.save')}</Button>
      </Card>
    </Flex>
  )
}
