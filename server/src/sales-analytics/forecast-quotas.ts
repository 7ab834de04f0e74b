import { Decimal } from 'decimal.js'
import type { Db } from '../db/database.ts'
import type { ForecastPeriod } from './analytics-params.ts'

interface QuotaRow {
  user_id: string | null
  team_id: string | null
  period_type: 'month' | 'quarter'
  period_number: number
  amount: string
  currency: string
}

/** Quota per currency of one target in one bucket. */
export type QuotaAmounts = Map<string, Decimal>

/**
 * The year's quotas, answering "what is the target of this user or team in this month or
 * quarter": a quarter without its own quota sums its months; a team without one sums its members'.
 */
export class QuotaBook {
  private constructor(private readonly rows: QuotaRow[], private readonly members: Map<string, string[]>) {}

  static async load(db: Db, workspaceId: string, year: number, teamOf: Map<string, string | null>): Promise<QuotaBook> {
    const rows = await db.selectFrom('quotas').select(['user_id', 'team_id', 'period_type', 'period_number', 'amount', 'amount_currency'])
      .where('workspace_id', '=', workspaceId).where('year', '=', year).where('deleted_at', 'is', null).execute()
    const members = new Map<string, string[]>()
    for (const [userId, teamId] of teamOf) if (teamId) members.set(teamId, [...(members.get(teamId) ?? []), userId])
    return new QuotaBook(rows.map((row) => ({
      user_id: row.user_id as string | null,
      team_id: row.team_id as string | null,
      period_type: row.period_type as QuotaRow['period_type'],
      period_number: Number(row.period_number),
      amount: String(row.amount),
      currency: String(row.amount_currency ?? 'CNY'),
    })), members)
  }

  private own(target: 'user_id' | 'team_id', id: string, type: QuotaRow['period_type'], numbers: number[]): QuotaAmounts | undefined {
    const found = this.rows.filter((row) => row[target] === id && row.period_type === type && numbers.includes(row.period_number))
    if (found.length === 0) return undefined
    const amounts: QuotaAmounts = new Map()
    for (const row of found) amounts.set(row.currency, (amounts.get(row.currency) ?? new Decimal(0)).plus(row.amount))
    return amounts
  }

  private ofTarget(target: 'user_id' | 'team_id', id: string, period: ForecastPeriod, bucket: number): QuotaAmounts | undefined {
    if (period === 'month') return this.own(target, id, 'month', [bucket])
    return this.own(target, id, 'quarter', [bucket]) ?? this.own(target, id, 'month', [bucket * 3 - 2, bucket * 3 - 1, bucket * 3])
  }

  user(id: string, period: ForecastPeriod, bucket: number): QuotaAmounts | undefined {
    return this.ofTarget('user_id', id, period, bucket)
  }

  team(id: string, period: ForecastPeriod, bucket: number): QuotaAmounts | undefined {
    const own = this.ofTarget('team_id', id, period, bucket)
    if (own) return own
    let sum: QuotaAmounts | undefined
    for (const member of this.members.get(id) ?? []) {
      for (const [currency, amount] of this.user(member, period, bucket) ?? []) {
        sum ??= new Map()
        sum.set(currency, (sum.get(currency) ?? new Decimal(0)).plus(amount))
      }
    }
    return sum
  }
}
