import { ShoppingCartOutlined, UploadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { App, Button, Space, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { ApiRecord } from '../api/records.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { recordKey } from '../record-page/use-record.ts'
import { quoteMessages } from './messages.ts'
import { errorText } from './quote-lines.ts'
import { quotesApi } from './quotes-api.ts'

registerMessages('quotes', quoteMessages)

/** On a contract's page: create an order for what is left of its value, and keep the signed copy. */
export function ContractPanel({ object, record, objects }: { object: ObjectMeta; record: ApiRecord; objects: ObjectMeta[] }) {
  const { t } = useTranslation('quotes')
  const { t: tApp } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const client = useQueryClient()
  const orders = objects.find((candidate) => candidate.name === 'orders')
  const open = record.status === 'draft' || record.status === 'active' || record.status == null
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      const result = await action()
      message.success(t(done))
      return result
    } catch (error) {
      message.error(errorText(error, tApp('error.generic')))
    } finally {
      await client.invalidateQueries({ queryKey: recordKey('contracts', record.id) })
      await client.invalidateQueries({ queryKey: ['records'] })
    }
  }
  return (
    <Space wrap>
      {open && orders?.permissions.create && (
        <Button size="small" icon={<ShoppingCartOutlined />} data-testid="contract-order" onClick={async () => {
          const order = (await run(() => quotesApi.order(record.id), 'action.orderDone')) as ApiRecord | undefined
          if (order) navigate(`/o/orders/${order.id}`)
        }}>{t('action.order')}</Button>
      )}
      {object.permissions.update && (
        <Upload showUploadList={false} beforeUpload={(file) => {
          void run(() => quotesApi.attach(record.id, file), 'action.attached')
          return false
        }}>
          <Button size="small" icon={<UploadOutlined />} data-testid="contract-attach">{t('action.attach')}</Button>
        </Upload>
      )}
    </Space>
  )
}
