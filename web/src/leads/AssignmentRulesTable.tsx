import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiRecord } from '../api/records.ts'
import { FieldValue } from '../fields/FieldValue.tsx'
import { useFieldTitles } from '../fields/use-relation-titles.ts'
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts'

interface AssignmentRulesTableProps {
  object: ObjectMeta
  rules: ApiRecord[]
  loading: boolean
  onMove: (index: number, by: -1 | 1) => void
  onEdit: (rule: ApiRecord) => void
  onDelete: (rule: ApiRecord) => void
}

/** The rules in the order they are tried, each with what it takes and whom it gives it to. */
export function AssignmentRulesTable({ object, rules, loading, onMove, onEdit, onDelete }: AssignmentRulesTableProps) {
  const { t } = useTranslation('leads')
  const field = (name: string) => object.fields.find((candidate) => candidate.name === name) as FieldMeta
  const titles = useFieldTitles([field('assignee_id'), field('team_id')], rules)
  const conditions = (rule: ApiRecord) => {
    const parts = [
      rule.provinces ? <Typography.Text key="p">{t('rules.provinces', { list: rule.provinces })}</Typography.Text> : null,
      rule.cities ? <Typography.Text key="c">{t('rules.cities', { list: rule.cities })}</Typography.Text> : null,
      (rule.industries as string[] | null)?.length ? <FieldValue key="i" field={field('industries')} value={rule.industries} /> : null,
      (rule.sources as string[] | null)?.length ? <FieldValue key="s" field={field('sources')} value={rule.sources} /> : null,
    ].filter(Boolean)
    return parts.length > 0 ? <Space orientation="vertical" size={2}>{parts}</Space> : <Typography.Text type="secondary">{t('rules.anyLead')}</Typography.Text>
  }
  return (
    <Table<ApiRecord> size="small" rowKey="id" loading={loading} dataSource={rules} pagination={false} scroll={{ x: true }}
      locale={{ emptyText: t('rules.empty') }} data-testid="assignment-rules-table"
      columns={[
        { key: 'order', title: t('rules.order'), width: 48, render: (_, _rule, index) => index + 1 },
        {
          key: 'name', title: t('rules.name'),
          render: (_, rule) => <Space size={4}>{String(rule.name)}{rule.active === false && <Tag>{t('rules.off')}</Tag>}</Space>,
        },
        { key: 'conditions', title: t('rules.conditions'), render: (_, rule) => conditions(rule) },
        {
          key: 'assign', title: t('rules.assignTo'),
          render: (_, rule) => (
            <Space orientation="vertical" size={2}>
              <FieldValue field={field('method')} value={rule.method} />
              <FieldValue field={rule.method === 'user' ? field('assignee_id') : field('team_id')} value={rule.method === 'user' ? rule.assignee_id : rule.team_id} titles={titles} />
            </Space>
          ),
        },
        {
          key: 'actions', width: 170,
          render: (_, rule, index) => (
            <Space size={0}>
              <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index, -1)} aria-label={t('rules.up')} title={t('rules.up')} />
              <Button type="text" icon={<ArrowDownOutlined />} disabled={index === rules.length - 1} onClick={() => onMove(index, 1)} aria-label={t('rules.down')} title={t('rules.down')} />
              <Button type="text" icon={<EditOutlined />} onClick={() => onEdit(rule)} aria-label={t('forms.edit')} title={t('forms.edit')} />
              <Popconfirm title={t('rules.deleteConfirm', { name: rule.name })} okButtonProps={{ danger: true }} onConfirm={() => onDelete(rule)}>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('forms.delete')} title={t('forms.delete')} />
              </Popconfirm>
            </Space>
          ),
        },
      ]} />
  )
}
