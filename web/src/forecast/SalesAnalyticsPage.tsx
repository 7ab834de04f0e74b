import { DatePicker, Flex, Radio, Select, Space, Spin, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '@tanstack/react-query'
import { recordsApi } from '../api/records.ts'
import { registerMessages } from '../i18n/register-messages.ts'
import { useObjectMeta } from '../metadata/use-metadata.ts'
import { usePipelines } from '../pipelines/pipelines-api.ts'
import { useWorkspaceUsers } from '../settings/use-workspace-users.ts'
import { useForecast, useFunnel, type AnalyticsFilters } from './analytics-api.ts'
import { ForecastTable } from './ForecastTable.tsx'
import { FunnelChart } from './FunnelChart.tsx'
import { analyticsMessages } from './messages.ts'

registerMessages('analytics', analyticsMessages)

const thisYear = new Date().getFullYear()

/** /analytics — the funnel of a pipeline and the forecast against quota, filtered by pipeline, period, owner and team. */
export function SalesAnalyticsPage() {
  const { t } = useTranslation('analytics')
  const [filters, setFilters] = useState<AnalyticsFilters>({ year: thisYear, period: 'quarter', group: 'owner' })
  const set = (values: Partial<AnalyticsFilters>) => setFilters((current) => ({ ...current, ...values }))
  const pipelines = usePipelines()
  const users = useWorkspaceUsers()
  const teams = useQuery({ queryKey: ['records', 'teams', 'analytics'], queryFn: () => recordsApi.list('teams', { limit: 200, sort: 'name' }).then((page) => page.data) })
  const quotas = useObjectMeta('quotas')
  const funnel = useFunnel(filters)
  const forecast = useForecast(filters)
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="sales-analytics">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>
      <Flex gap={8} wrap align="center">
        {(pipelines.data?.length ?? 0) > 1 && (
          <Select style={{ minWidth: 180 }} aria-label={t('filters.pipeline')} placeholder={t('filters.pipeline')} value={filters.pipeline ?? pipelines.data?.[0]?.id}
            onChange={(pipeline) => set({ pipeline })} options={pipelines.data?.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))} data-testid="analytics-pipeline" />
        )}
        <Select style={{ minWidth: 160 }} allowClear aria-label={t('filters.owner')} placeholder={t('filters.anyone')} value={filters.owner}
          onChange={(owner) => set({ owner })} showSearch optionFilterProp="label"
          options={users.data?.map((user) => ({ value: user.id, label: String(user.name) }))} data-testid="analytics-owner" />
        <Select style={{ minWidth: 160 }} allowClear aria-label={t('filters.team')} placeholder={t('filters.allTeams')} value={filters.team}
          onChange={(team) => set({ team })} options={teams.data?.map((team) => ({ value: team.id, label: String(team.name) }))} data-testid="analytics-team" />
        <DatePicker.RangePicker aria-label={t('filters.created')} placeholder={[t('filters.created'), t('filters.created')]} onChange={onRange} data-testid="analytics-range" />
      </Flex>
      {funnel.isPending ? <Spin /> : funnel.data && <FunnelChart funnel={funnel.data} />}
      <Flex gap={8} wrap align="center">
        <Select style={{ width: 110 }} aria-label={t('forecast.year')} value={filters.year} onChange={(year) => set({ year })}
          options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((year) => ({ value: year, label: String(year) }))} data-testid="analytics-year" />
        <Radio.Group value={filters.period} onChange={(event) => set({ period: event.target.value })} optionType="button"
          options={[{ value: 'month', label: t('forecast.byMonth') }, { value: 'quarter', label: t('forecast.byQuarter') }]} />
        <Radio.Group value={filters.group} onChange={(event) => set({ group: event.target.value })} optionType="button"
          options={[{ value: 'owner', label: t('forecast.byOwner') }, { value: 'team', label: t('forecast.byTeam') }]} />
      </Flex>
      {forecast.isPending ? <Spin /> : forecast.data && <ForecastTable forecast={forecast.data} canManageQuotas={Boolean(quotas?.permissions.create)} />}
    </Space>
  )
}
