import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/schema.ts'
import { metric } from './metrics.ts'

type Db = Kysely<Database>

export interface TallyRow {
  metric: string
  key: string
  class: string
  value: number
}

const TallyRows = z.array(
  z.object({ metric: z.string(), key: z.string(), class: z.string(), value: z.number() }),
)

/**
 * Every tally of a jurisdiction: the sum over the counties under it (ledger_tally_rows,
 * migrations/repeatable/ledger_reads.sql).
 */
export async function jurisdictionTallies(db: Db, path: string): Promise<TallyRow[]> {
  const { rows } = await sql<{ rows: unknown }>`
    select ledger_tally_rows(${path}::ltree) as rows`.execute(db)
  return TallyRows.parse(rows[0]?.rows)
}

/** What the six work counts are asked with: work/summary.service.ts countyWorkParams. */
export interface WorkParams {
  from: string
  to: string
  attendees: number
  training: string
  trained: string
  yearText: string
}

const CountyReads = z.object({
  tallies: TallyRows,
  oldest: z.iso.datetime({ offset: true }).nullable(),
  work: z.unknown(),
})

/**
 * A county's ledger in one statement (ledger_county_reads): its tallies, when its oldest
 * waiting entry joined the queue, and the six work counts as ledger_work_count answers them
 * (the work domain parses those).
 */
export async function countyReads(db: Db, path: string, work: WorkParams) {
  const { rows } = await sql<{ reads: unknown }>`
    select ledger_county_reads(${path}::ltree, ${work.from}::date, ${work.to}::date,
      ${work.attendees}::int, ${work.training}, ${work.trained}, ${work.yearText}) as reads`.execute(
    db,
  )
  const reads = CountyReads.parse(rows[0]?.reads)
  return {
    tallies: reads.tallies,
    oldest: reads.oldest === null ? null : new Date(reads.oldest),
    work: reads.work,
  }
}

const HEADLINE = [metric.membersKind, metric.marketsCount, metric.careKind, metric.pledgesPublic]

/** The headline tallies per child jurisdiction (the next level down), for the drill-down. */
export function childTallies(db: Db, path: string) {
  const child = sql<string>`subpath(region_path, 0, nlevel(${path}::ltree) + 1)::text`
  return db
    .selectFrom('ledger_tallies')
    .select([
      child.as('child_path'),
      'metric',
      'class',
      sql<number>`sum(value)::float8`.as('value'),
    ])
    .where(sql<boolean>`region_path <@ ${path}::ltree`)
    .where(sql<boolean>`nlevel(region_path) > nlevel(${path}::ltree)`)
    .where('metric', 'in', HEADLINE)
    .groupBy([sql`1`, 'metric', 'class'])
    .execute()
}

export function childRegions(db: Db, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'path'])
    .where('parent_code', '=', code)
    .orderBy('code')
    .execute()
}

/** When the oldest entry still waiting joined the queue (ledger_oldest_pending). */
export async function oldestPending(db: Db, path: string): Promise<Date | null> {
  const { rows } = await sql<{ oldest: Date | null }>`
    select ledger_oldest_pending(${path}::ltree) as oldest`.execute(db)
  return rows[0]?.oldest ?? null
}

/** Every tally rebuilt from the raw rows (ledger_recount), for checks and after bulk loads. */
export function recount(db: Db) {
  return sql<TallyRow & { region_code: string }>`
    select region_code, metric, key, class, value::float8 as value from ledger_recount()`.execute(
    db,
  )
}
