import { sql } from 'kysely'
import type { Migration } from '../migrator.ts'

/**
 * The funnel and forecast read the opportunity rollups now (metadata/rollup-schema.ts, created
 * and filled at start with the record tables): the covering indexes they used to scan go.
 */
export const salesRollups: Migration = {
  name: '014-sales-rollups',
  async up(db) {
    await sql`drop index if exists opportunities_funnel_idx`.execute(db)
    await sql`drop index if exists opportunities_forecast_idx`.execute(db)
  },
}
