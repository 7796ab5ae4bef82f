import { CHINA_TIME_ZONE } from '@djt/shared'
import { type Insertable, type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PledgeReportTable } from './pledges.table.ts'

type Db = Kysely<Database>

export interface RatingTotals {
  pledgeId: string
  average: number | null
  count: number
}

/** Average and count of public ratings, per pledge. */
export async function ratingTotals(
  db: Db,
  pledgeIds: string[],
): Promise<Map<string, RatingTotals>> {
  if (pledgeIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('pledge_ratings')
    .select([
      'pledge_id',
      sql<number>`avg(score)::float8`.as('average'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where('pledge_id', 'in', pledgeIds)
    .groupBy('pledge_id')
    .execute()
  return new Map(
    rows.map((row) => [
      row.pledge_id,
      { pledgeId: row.pledge_id, average: Math.round(row.average * 10) / 10, count: row.count },
    ]),
  )
}

export function recentRatings(db: Db, pledgeId: string, limit = 20) {
  return db
    .selectFrom('pledge_ratings')
    .select(['score', 'comment', 'at'])
    .where('pledge_id', '=', pledgeId)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute()
}

/** The China-local day, as migration 0018's column defaults compute it. */
const today = sql<string>`(now() at time zone ${sql.lit(CHINA_TIME_ZONE)})::date`

/**
 * Stores a rating unless this device rated this pledge today: the unique key
 * (pledge_id, device, day) decides, so parallel requests store one. False when refused.
 */
export async function insertDailyRating(
  db: Db,
  rating: { pledge_id: string; score: number; comment: string | null; device: string },
): Promise<boolean> {
  const stored = await db
    .insertInto('pledge_ratings')
    .values(rating)
    .onConflict((conflict) => conflict.columns(['pledge_id', 'device', 'day']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return stored !== undefined
}

/**
 * Takes one of today's `max` report slots of this device on this pledge, in one upsert:
 * the row lock orders parallel claims and the `where` refuses the one past `max`. Rolled
 * back with the caller's transaction, so a report that is not stored uses no slot.
 */
export async function claimReportSlot(
  db: Db,
  pledgeId: string,
  device: string,
  max: number,
): Promise<boolean> {
  const claimed = await db
    .insertInto('pledge_report_quota')
    .values({ pledge_id: pledgeId, device, used: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['pledge_id', 'device', 'day'])
        .doUpdateSet({ used: sql`pledge_report_quota.used + 1` })
        .where('pledge_report_quota.used', '<', max),
    )
    .returning('used')
    .executeTakeFirst()
  return claimed !== undefined
}

/** Slots of days before today count for nothing: the daily retention job drops them. */
export async function pruneReportQuota(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('pledge_report_quota')
    .where('day', '<', today)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export function listReports(db: Db, pledgeId: string) {
  return db
    .selectFrom('pledge_reports')
    .selectAll()
    .where('pledge_id', '=', pledgeId)
    .orderBy('at', 'desc')
    .execute()
}

export function listEvaluations(db: Db, pledgeId: string) {
  return db
    .selectFrom('pledge_evaluations')
    .selectAll()
    .where('pledge_id', '=', pledgeId)
    .orderBy('period', 'desc')
    .execute()
}

export async function hasUpheldReport(db: Db, pledgeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('pledge_reports')
    .select('id')
    .where('pledge_id', '=', pledgeId)
    .where('outcome', '=', 'upheld')
    .limit(1)
    .executeTakeFirst()
  return Boolean(row)
}

/** A public report (举报) on a pledge. */
export async function insertReport(db: Db, row: Insertable<PledgeReportTable>): Promise<void> {
  await db.insertInto('pledge_reports').values(row).execute()
}
