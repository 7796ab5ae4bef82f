import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'

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

/** How many times this device (or IP) did this to this pledge since `since`. */
export async function countByDevice(
  db: Db,
  table: 'pledge_ratings' | 'pledge_reports',
  pledgeId: string,
  device: string,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as('n'))
    .where('pledge_id', '=', pledgeId)
    .where('device', '=', device)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow()
  return row.n
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
