import { SearchOutlined } from '@ant-design/icons'
import { Empty, Input, Modal, Space, Spin, Typography } from 'antd'
import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { objectIcon } from '../app/object-icons.tsx'
import { useGlobalSearch, type SearchHit } from './use-global-search.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { searchMessages } from './messages.ts'

registerMessages('search', searchMessages)

interface Flat {
  object: string
  hit: SearchHit
}

/**
 * Ctrl/Cmd+K: search every object at once (Chinese, pinyin, initials, email and phone fragments),
 * results grouped by object; arrows move, Enter opens, Esc closes.
 */
export function SearchPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('search')
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const { q, groups, isFetching } = useGlobalSearch(text)
  const flat: Flat[] = groups.flatMap((group) => group.records.map((hit) => ({ object: group.object, hit })))
  const current = Math.min(active, Math.max(flat.length - 1, 0))
  const openHit = (item: Flat | undefined) => {
    if (!item) return
    onClose()
    navigate(`/o/${item.object}/${item.hit.id}`)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((current + 1) % Math.max(flat.length, 1))
    else if (event.key === 'ArrowUp') setActive((current - 1 + flat.length) % Math.max(flat.length, 1))
    else if (event.key === 'Enter') openHit(flat[current])
    else return
    event.preventDefault()
  }
  const offsets = groups.map((_group, position) => groups.slice(0, position).reduce((sum, group) => sum + group.records.length, 0))
  return (
    <Modal open={open} onCancel={onClose} footer={null} closable={false} width={640} styles={{ body: { padding: 0 } }} title={null} destroyOnHidden aria-label={t('title')}>
      <Input
        autoFocus
        size="large"
        variant="borderless"
        prefix={<SearchOutlined />}
        suffix={isFetching ? <Spin size="small" /> : null}
        placeholder={t('placeholder')}
        value={text}
        onChange={(event) => { setText(event.target.value); setActive(0) }}
        onKeyDown={onKeyDown}
        data-testid="search-input"
        style={{ padding: '12px 16px', borderBottom: '1px solid #f0f0f0' }}
      />
      <div style={{ maxHeight: '60vh', overflowY: 'auto', padding: 8 }} role="listbox">
        {!q && <Typography.Text type="secondary" style={{ display: 'block', padding: 12 }}>{t('hint')}</Typography.Text>}
        {q && !isFetching && flat.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty', { q })} />}
        {groups.map((group, groupIndex) => (
          <div key={group.object} data-testid={`search-group-${group.object}`}>
            <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 12px 4px', fontSize: 12 }}>{group.label}</Typography.Text>
            {group.records.map((hit, hitIndex) => {
              const position = offsets[groupIndex] + hitIndex
              const selected = position === current
              return (
                <div
                  key={hit.id}
                  role="option"
                  aria-selected={selected}
                  data-testid="search-result"
                  onMouseEnter={() => setActive(position)}
                  onClick={() => openHit({ object: group.object, hit })}
                  style={{ padding: '8px 12px', borderRadius: 6, cursor: 'pointer', background: selected ? '#e6f4ff' : undefined }}
                >
                  <Space>
                    {objectIcon(group.object)}
                    <span>{hit.title}</span>
                    {hit.subtitle && <Typography.Text type="secondary">{hit.subtitle}</Typography.Text>}
                  </Space>
                </div>
              )
            })}
          </div>
        ))}
      </div>
      <Space size="large" style={{ padding: '8px 16px', borderTop: '1px solid #f0f0f0', width: '100%', fontSize: 12, color: '#999' }}>
        <span>{t('keys.move')}</span>
        <span>{t('keys.open')}</span>
        <span>{t('keys.close')}</span>
      </Space>
    </Modal>
  )
}
