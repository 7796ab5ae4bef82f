import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import { metric } from './metrics.ts'

type Db = Kysely<Database>

export interface TallyRow {
  metric: string
  key: string
  class: string
  value: number
}

/** Every tally of a jurisdiction: the sum over the counties under it. */
export function jurisdictionTallies(db: Db, path: string): Promise<TallyRow[]> {
  return db
    .selectFrom('ledger_tallies')
    .select(['metric', 'key', 'class', sql<number>`sum(value)::float8`.as('value')])
    .where(sql<boolean>`region_path <@ ${path}::ltree`)
    .groupBy(['metric', 'key', 'class'])
    .execute()
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

/**
 * When the oldest entry still waiting joined the queue: the earliest per county (one probe
 * of memberships_pending_region each), then the earliest of those.
 */
export async function oldestPending(db: Db, path: string): Promise<Date | null> {
  const { rows } = await sql<{ oldest: Date | null }>`
    select min((
      select min(m.queued_at) from memberships m
      where m.region_code = r.code and m.state in ('submitted', 'resubmitted', 'needs_info')
    )) as oldest
    from regions r
    where r.path <@ ${path}::ltree and r.level = 'county'`.execute(db)
  return rows[0]?.oldest ?? null
}

/** Every tally rebuilt from the raw rows (ledger_recount), for checks and after bulk loads. */
export function recount(db: Db) {
  return sql<TallyRow & { region_code: string }>`
    select region_code, metric, key, class, value::float8 as value from ledger_recount()`.execute(
    db,
  )
}
