import { CopyOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import { duplicatesMessages } from './messages.ts'

registerMessages('duplicates', duplicatesMessages)

/** The list toolbar's way to the duplicates review page, for objects with duplicate rules. */
export function DuplicatesLink({ object }: { object: ObjectMeta }) {
  const { t } = useTranslation('duplicates')
  if (!object.duplicateRules?.length) return null
  return <Link to={`/o/${object.name}/duplicates`} data-testid="open-duplicates"><Button icon={<CopyOutlined />}>{t('toolbar.duplicates')}</Button></Link>
}
