import { CopyOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'

/** The snippet to paste into a web page, with a copy button, and the form as visitors see it. */
export function WebFormEmbed({ form }: { form: ApiRecord }) {
  const { t } = useTranslation('leads')
  const { message } = App.useApp()
  const src = `${window.location.origin}/f/${String(form.token)}.js`
  const snippet = `<script src="${src}" async></script>`
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet)
      message.success(t('forms.copied'))
    } catch {
      message.error(t('forms.copyFailed'))
    }
  }
  // The version in the URL reloads the preview after each save; sandboxed, the preview cannot reach the app.
  const preview = `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:16px"><script src="${src}?v=${form.version}" data-preview></script></body></html>`
  return (
    <Flex vertical gap={12} data-testid="web-form-embed">
      {form.active === false && <Alert type="warning" showIcon title={t('forms.inactive')} />}
      <Typography.Text strong>{t('forms.snippet')}</Typography.Text>
      <Flex gap={8} align="flex-start">
        <Input.TextArea readOnly value={snippet} autoSize={{ minRows: 2 }} data-testid="web-form-snippet" onFocus={(event) => event.target.select()} style={{ fontFamily: 'monospace' }} />
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="web-form-copy">{t('forms.copy')}</Button>
      </Flex>
      <Typography.Text type="secondary">{t('forms.snippetHelp')}</Typography.Text>
      <Typography.Text strong>{t('forms.preview')}</Typography.Text>
      <Typography.Text type="secondary">{t('forms.previewHelp')}</Typography.Text>
      <iframe title={t('forms.preview')} srcDoc={preview} sandbox="allow-scripts" data-testid="web-form-preview"
        style={{ width: '100%', height: 560, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }} />
    </Flex>
  )
}
