import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Checkbox, Divider, Flex, Form, Input, Modal, Radio, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError } from '../api/client.ts'
import type { ApiRecord } from '../api/records.ts'
import { FieldInput } from '../fields/FieldInput.tsx'
import { RecordPicker } from '../fields/RecordPicker.tsx'
import { useLabel } from '../metadata/labels.ts'
import { fieldOf, useObjectMeta } from '../metadata/use-metadata.ts'
import { leadsApi, type ConversionBody, type ConversionPreview } from './leads-api.ts'

const OTHER = 'other'
const NEW = 'new'

/** Convert a lead: a new account or one of the look-alikes found, the contact, optionally a deal; lands on the account. */
export function ConvertLeadDialog({ lead, onClose }: { lead: ApiRecord; onClose: () => void }) {
  const { t } = useTranslation('leads')
  const preview = useQuery({ queryKey: ['lead-conversion', lead.id, lead.version], queryFn: () => leadsApi.conversionPreview(lead.id) })
  return (
    <Modal open title={t('convert.title', { name: lead.name })} onCancel={onClose} footer={null} width={620} destroyOnHidden data-testid="convert-dialog">
      {preview.data ? <ConversionForm lead={lead} preview={preview.data} onClose={onClose} />
        : preview.error ? <Alert type="error" showIcon title={preview.error.message} /> : <Skeleton active />}
    </Modal>
  )
}

function ConversionForm({ lead, preview, onClose }: { lead: ApiRecord; preview: ConversionPreview; onClose: () => void }) {
  const { t } = useTranslation('leads')
  const { t: tApp } = useTranslation()
  const label = useLabel()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const client = useQueryClient()
  const opportunities = useObjectMeta('opportunities')
  const duplicates = preview.account.duplicates
  // A look-alike account is the likely choice: offer it first, so a duplicate is not created by default.
  const [choice, setChoice] = useState<string>(duplicates[0]?.record.id ?? NEW)
  const [otherAccount, setOtherAccount] = useState<string | null>(null)
  const [accountName, setAccountName] = useState(String(preview.account.values.name ?? ''))
  const [contact, setContact] = useState({ name: String(preview.contact.values.name ?? ''), job_title: String(preview.contact.values.job_title ?? '') })
  const [withDeal, setWithDeal] = useState(false)
  const [deal, setDeal] = useState<Record<string, unknown>>({ name: preview.opportunity.values.name, stage: preview.opportunity.values.stage })
  const convert = useMutation({
    mutationFn: (body: ConversionBody) => leadsApi.convert(lead.id, body),
    onSuccess: async (result) => {
      message.success(t('convert.done', { deal: result.opportunity ? t('convert.dealSuffix') : '' }))
      await client.invalidateQueries({ queryKey: ['records'] })
      await client.invalidateQueries({ queryKey: ['record'] })
      onClose()
      navigate(`/o/accounts/${result.account.id}`)
    },
  })
  const submit = () => {
    const account = choice === NEW ? { create: { name: accountName.trim() } } : { id: choice === OTHER ? (otherAccount ?? '') : choice }
    convert.mutate({
      account,
      contact: { create: { name: contact.name.trim(), job_title: contact.job_title.trim() || null } },
      opportunity: withDeal ? Object.fromEntries(Object.entries(deal).filter(([, value]) => value !== null && value !== undefined && value !== '')) : null,
    })
  }
  const error = convert.error
  const problems = error instanceof ApiError && error.fields.length > 0 ? error.fields.map((field) => `${field.field}: ${field.message}`) : error ? [error.message] : []
  const dealField = (name: string) => (opportunities ? fieldOf(opportunities, name) : undefined)
  const matchedBy = (rules: string[]) => t('convert.matchedBy', { rules: rules.map((rule) => t(`convert.rule.${rule}`)).join(' / ') })
  return (
    <Form layout="vertical" onFinish={submit} data-testid="convert-form">
      <Typography.Title level={5}>{t('convert.account')}</Typography.Title>
      {duplicates.length > 0 && <Typography.Paragraph type="secondary">{t('convert.duplicates')}</Typography.Paragraph>}
      <Radio.Group value={choice} onChange={(event) => setChoice(event.target.value)} style={{ width: '100%' }}>
        <Flex vertical gap={8}>
          {duplicates.map((match) => (
            <Radio key={match.record.id} value={match.record.id} data-testid={`convert-duplicate-${match.record.id}`}>
              {String(match.record.name)} <Typography.Text type="secondary">{matchedBy(match.matches)}</Typography.Text>
            </Radio>
          ))}
          <Radio value={NEW} data-testid="convert-new-account">{t('convert.newAccount')}</Radio>
          {choice === NEW && <Input value={accountName} onChange={(event) => setAccountName(event.target.value)} aria-label={t('convert.accountName')} style={{ marginInlineStart: 24, width: 'calc(100% - 24px)' }} data-testid="convert-account-name" />}
          <Radio value={OTHER}>{t('convert.otherAccount')}</Radio>
          {choice === OTHER && (
            <div style={{ marginInlineStart: 24 }}>
              <RecordPicker target="accounts" value={otherAccount} onChange={(value) => setOtherAccount(value as string | null)} />
            </div>
          )}
        </Flex>
      </Radio.Group>
      <Divider />
      <Typography.Title level={5}>{t('convert.contact')}</Typography.Title>
      {preview.contact.duplicates.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('convert.contactDuplicates', { names: preview.contact.duplicates.map((match) => String(match.record.name)).join('、') })} />
      )}
      <Flex gap={12} wrap>
        <Form.Item label={t('convert.contactName')} required style={{ flex: 1, minWidth: 200 }}>
          <Input value={contact.name} onChange={(event) => setContact({ ...contact, name: event.target.value })} data-testid="convert-contact-name" />
        </Form.Item>
        <Form.Item label={t('convert.jobTitle')} style={{ flex: 1, minWidth: 200 }}>
          <Input value={contact.job_title} onChange={(event) => setContact({ ...contact, job_title: event.target.value })} />
        </Form.Item>
      </Flex>
      <Divider />
      <Checkbox checked={withDeal} onChange={(event) => setWithDeal(event.target.checked)} data-testid="convert-with-deal">{t('convert.withOpportunity')}</Checkbox>
      {withDeal && (
        <Flex vertical style={{ marginTop: 12 }}>
          {['name', 'amount', 'stage', 'expected_close_date'].map((name) => {
            const field = dealField(name)
            return field && (
              <Form.Item key={name} label={label(field.label)} required={field.required}>
                <FieldInput field={field} value={deal[name]} onChange={(value) => setDeal({ ...deal, [name]: value })} />
              </Form.Item>
            )
          })}
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('convert.keeps')}</Typography.Paragraph>
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problems.join(' ')} data-testid="convert-error" />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{tApp('action.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={convert.isPending} disabled={choice === OTHER && !otherAccount} data-testid="convert-submit">{t('convert.submit')}</Button>
      </Flex>
    </Form>
  )
}
