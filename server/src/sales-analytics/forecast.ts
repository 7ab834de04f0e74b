import { Decimal } from 'decimal.js'
import { permissionFor } from '../access/record-access.ts'
import type { RecordContext } from '../records/record-context.ts'
import type { ForecastParams } from './analytics-params.ts'
import { exactText, ratio } from './exact-sums.ts'
import { forecastQuery, type ForecastRow } from './forecast-query.ts'
import { QuotaBook } from './forecast-quotas.ts'

const OPEN_CATEGORIES = new Set(['pipeline', 'best_case', 'commit'])
const zero = () => new Decimal(0)

/** One owner's (or team's) forecast in one month or quarter, in one currency. */
class Cell {
  count = 0
  pipeline = zero()
  bestCase = zero()
  commit = zero()
  weighted = zero()
  closedWon = zero()
  quota: Decimal | null = null
  constructor(readonly bucket: number, readonly key: string | null, readonly currency: string) {}

  add(row: ForecastRow) {
    const amount = new Decimal(row.amount ?? 0)
    this.count += Number(row.count)
    if (row.forecast_category === 'closed') this.closedWon = this.closedWon.plus(amount)
    if (row.forecast_category === 'pipeline') this.pipeline = this.pipeline.plus(amount)
    if (row.forecast_category === 'best_case') this.bestCase = this.bestCase.plus(amount)
    if (row.forecast_category === 'commit') this.commit = this.commit.plus(amount)
    if (OPEN_CATEGORIES.has(String(row.forecast_category))) this.weighted = this.weighted.plus(new Decimal(row.weighted_percent ?? 0).dividedBy(100))
  }

  merge(other: Cell) {
    this.count += other.count
    for (const name of ['pipeline', 'bestCase', 'commit', 'weighted', 'closedWon'] as const) this[name] = this[name].plus(other[name])
    if (other.quota) this.quota = (this.quota ?? zero()).plus(other.quota)
  }

  toJSON() {
    return {
      key: this.key,
      currency: this.currency,
      count: this.count,
      pipeline: exactText(this.pipeline),
      best_case: exactText(this.bestCase),
      commit: exactText(this.commit),
      weighted: exactText(this.weighted),
      closed_won: exactText(this.closedWon),
      quota: this.quota === null ? null : exactText(this.quota),
      attainment: this.quota === null ? null : ratio(this.closedWon, this.quota),
    }
  }
}

async function directory(ctx: RecordContext) {
  const [users, teams] = await Promise.all([
    ctx.db.selectFrom('users').select(['id', 'name', 'team_id']).where('workspace_id', '=', ctx.actor.workspaceId).where('deleted_at', 'is', null).execute(),
    ctx.db.selectFrom('teams').select(['id', 'name']).where('workspace_id', '=', ctx.actor.workspaceId).where('deleted_at', 'is', null).execute(),
  ])
  return {
    teamOf: new Map(users.map((user) => [user.id as string, (user.team_id as string | null) ?? null])),
    names: Object.fromEntries([...users, ...teams].map((row) => [row.id as string, row.name as string])),
  }
}

/** The users or teams whose quota the caller may see beside their figures: within their record scope and the filters. */
function quotaTargets(ctx: RecordContext, params: ForecastParams, teamOf: Map<string, string | null>): string[] {
  const scope = permissionFor(ctx.actor, ctx.catalog.get('opportunities')).scope
  let users = [...teamOf.keys()]
  if (scope === 'own') users = [ctx.actor.userId]
  if (scope === 'team') users = users.filter((id) => id === ctx.actor.userId || (ctx.actor.teamId !== null && teamOf.get(id) === ctx.actor.teamId))
  if (params.ownerId) users = users.filter((id) => id === params.ownerId)
  if (params.teamId) users = users.filter((id) => teamOf.get(id) === params.teamId)
  if (params.group === 'owner') return users
  if (scope === 'own' || params.ownerId) return []
  return [...new Set(users.map((id) => teamOf.get(id)).filter((id): id is string => Boolean(id)))]
}

/** GET /api/v1/sales/forecast: per month or quarter and owner or team, the forecast against quota. */
export async function salesForecast(ctx: RecordContext, params: ForecastParams) {
  const [rows, { teamOf, names }] = await Promise.all([forecastQuery(ctx, params).execute() as Promise<ForecastRow[]>, directory(ctx)])
  const quotas = await QuotaBook.load(ctx.db, ctx.actor.workspaceId, params.year, teamOf)
  const keyOf = (ownerId: string | null) => (params.group === 'owner' ? ownerId : ownerId ? (teamOf.get(ownerId) ?? null) : null)
  const cells = new Map<string, Cell>()
  const cell = (bucket: number, key: string | null, currency: string) => {
    const id = `${bucket}|${key}|${currency}`
    let found = cells.get(id)
    if (!found) cells.set(id, (found = new Cell(bucket, key, currency)))
    return found
  }
  for (const row of rows) {
    if (row.forecast_category !== 'omitted') cell(Number(row.bucket), keyOf(row.owner_id), row.currency ?? 'CNY').add(row)
  }
  const bucketCount = params.period === 'month' ? 12 : 4
  for (let bucket = 1; bucket <= bucketCount; bucket++) {
    for (const key of quotaTargets(ctx, params, teamOf)) {
      const amounts = params.group === 'owner' ? quotas.user(key, params.period, bucket) : quotas.team(key, params.period, bucket)
      for (const [currency, amount] of amounts ?? []) cell(bucket, key, currency).quota = amount
    }
  }
  const buckets = Array.from({ length: bucketCount }, (_, index) => {
    const bucket = index + 1
    const inBucket = [...cells.values()].filter((item) => item.bucket === bucket)
      .sort((a, b) => (names[a.key ?? ''] ?? '').localeCompare(names[b.key ?? ''] ?? '') || a.currency.localeCompare(b.currency))
    const totals = new Map<string, Cell>()
    for (const item of inBucket) {
      if (!totals.has(item.currency)) totals.set(item.currency, new Cell(bucket, null, item.currency))
      totals.get(item.currency)!.merge(item)
    }
    return { bucket, rows: inBucket.map((item) => item.toJSON()), totals: [...totals.values()].map((item) => item.toJSON()) }
  })
  return { period: params.period, year: params.year, group: params.group, buckets, names }
}
