import { Ledger } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

/** Regions (every level) without a frozen ledger for `period`, counties first. */
export function regionsWithoutSnapshot(db: Db, period: string) {
  return db
    .selectFrom('regions as r')
    .select(['r.code', 'r.name', 'r.level', 'r.path'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ledger_period_snapshots as s')
            .select(sql`1`.as('one'))
            .whereRef('s.region_code', '=', 'r.code')
            .where('s.period', '=', period),
        ),
      ),
    )
    .orderBy(sql`nlevel(r.path)`, 'desc')
    .orderBy('r.code')
    .execute()
}

/**
 * The freeze lock of this schema, for the rest of the transaction; false when another
 * server holds it (it is freezing, this one steps aside).
 */
export async function tryFreezeLock(trx: Db): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(hashtext('djt-ledger-freeze:' || current_schema())) as locked`.execute(
    trx,
  )
  return rows[0]?.locked === true
}

export async function hasSnapshot(db: Db, regionCode: string, period: string) {
  const row = await db
    .selectFrom('ledger_period_snapshots')
    .select('frozen_at')
    .where('region_code', '=', regionCode)
    .where('period', '=', period)
    .executeTakeFirst()
  return row !== undefined
}

export function insertSnapshot(
  db: Db,
  row: {
    region_code: string
    region_path: string
    period: string
    snapshot: Ledger
    frozen_at: Date
  },
) {
  return db
    .insertInto('ledger_period_snapshots')
    .values(row)
    .onConflict((conflict) => conflict.columns(['region_code', 'period']).doNothing())
    .execute()
}

/** One region's frozen ledger for a period, if it was frozen. */
export async function findSnapshot(db: Db, regionCode: string, period: string) {
  const row = await db
    .selectFrom('ledger_period_snapshots')
    .select(['snapshot', 'frozen_at'])
    .where('region_code', '=', regionCode)
    .where('period', '=', period)
    .executeTakeFirst()
  return row && { ...row, snapshot: Ledger.parse(row.snapshot) }
}
