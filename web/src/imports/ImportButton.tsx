import { UploadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { importsMessages } from './messages.ts'

registerMessages('imports', importsMessages)

/** The list toolbar's "Import" button: opens the import wizard of the object. */
export function ImportButton({ object }: { object: ObjectMeta }) {
  const { t } = useTranslation('imports')
  return (
    <Link to={`/o/${object.name}/import`} data-testid="import-open"><Button icon={<UploadOutlined />}>{t('open')}</Button></Link>
  )
}
