import { DownOutlined, ExportOutlined } from '@ant-design/icons'
import { Button, Dropdown, type MenuProps } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Filter } from '../api/records.ts'
import { lazyNamed } from '../app/lazy-named.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import type { ObjectMeta } from '../metadata/types.ts'
import type { ListState } from '../records/list-state.ts'
import { exportFormats, exportUrl } from './exports-api.ts'
import { exportsMessages } from './messages.ts'

registerMessages('exports', exportsMessages)

const VcardImportDialog = lazyNamed(() => import('./VcardImportDialog.tsx'), 'VcardImportDialog')

interface ExportMenuProps {
  object: ObjectMeta
  state: ListState
  filter: Filter
}

/** Export of the current list view (its filters, sort, search and columns), and vCard import on contacts. */
export function ExportMenu({ object, state, filter }: ExportMenuProps) {
  const { t } = useTranslation('exports')
  const [importing, setImporting] = useState(false)
  const canImport = object.name === 'contacts' && object.permissions.create
  const items: MenuProps['items'] = [
    ...(object.permissions.export ? exportFormats(object.name).map((format) => ({ key: format, label: t(format), 'data-testid': `export-${format}` })) : []),
    ...(canImport ? [{ type: 'divider' as const }, { key: 'import-vcard', label: t('importVcard'), 'data-testid': 'import-vcard' }] : []),
  ]
  const choose: MenuProps['onClick'] = ({ key }) => {
    if (key === 'import-vcard') return setImporting(true)
    // A plain navigation: the browser streams the file to disk, whatever its size.
    window.location.assign(exportUrl(object.name, key as Parameters<typeof exportUrl>[1], { filter, sort: state.sort, q: state.q, columns: state.columns }))
  }
  return (
    <>
      <Dropdown menu={{ items, onClick: choose }} trigger={['click']}>
        <Button icon={<ExportOutlined />} data-testid="export-menu">
          {t('menu')} <DownOutlined />
        </Button>
      </Dropdown>
      {importing && (
        <Suspense fallback={null}>
          <VcardImportDialog onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </>
  )
}
