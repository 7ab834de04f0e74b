import { useQuery } from '@tanstack/react-query'
import { request } from '../api/client.ts'
import type { Label } from '../metadata/types.ts'

export type Amounts = Record<string, string>

export interface FunnelStage {
  value: string
  label: Label
  category: 'open' | 'won' | 'lost'
  count: number
  amounts: Amounts
  reached: number
  conversion_rate: number | null
}

export interface Funnel {
  pipeline: { id: string; name: string }
  stages: FunnelStage[]
  total: { count: number; amounts: Amounts }
  won: { count: number; amounts: Amounts }
  lost: { count: number; amounts: Amounts }
  win_rate: number | null
  average_cycle_days: number | null
}

export interface ForecastRow {
  key: string | null
  currency: string
  count: number
  pipeline: string
  best_case: string
  commit: string
  weighted: string
  closed_won: string
  quota: string | null
  attainment: number | null
}

export interface Forecast {
  period: 'month' | 'quarter'
  year: number
  group: 'owner' | 'team'
  buckets: Array<{ bucket: number; rows: ForecastRow[]; totals: ForecastRow[] }>
  names: Record<string, string>
}

export interface AnalyticsFilters {
  pipeline?: string
  owner?: string
  team?: string
  from?: string
  to?: string
  year: number
  period: 'month' | 'quarter'
  group: 'owner' | 'team'
}

const query = (values: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(values).filter(([, value]) => value !== undefined && value !== '').map(([name, value]) => [name, String(value)])).toString()

/** Under `records`, so any saved deal refreshes the reports. */
export function useFunnel(filters: AnalyticsFilters) {
  const params = query({ pipeline: filters.pipeline, owner: filters.owner, team: filters.team, from: filters.from, to: filters.to })
  return useQuery({ queryKey: ['records', 'sales', 'funnel', params], queryFn: ({ signal }) => request<Funnel>(`/api/v1/sales/funnel?${params}`, { signal }) })
}

export function useForecast(filters: AnalyticsFilters) {
  const params = query({ pipeline: filters.pipeline, owner: filters.owner, team: filters.team, year: filters.year, period: filters.period, group: filters.group })
  return useQuery({ queryKey: ['records', 'sales', 'forecast', params], queryFn: ({ signal }) => request<Forecast>(`/api/v1/sales/forecast?${params}`, { signal }) })
}
