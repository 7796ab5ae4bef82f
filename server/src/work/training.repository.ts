import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type { TrainingSessionTable } from './work.table.ts'

type Db = Kysely<Database>

/** The days of one calendar year, as the date columns compare. */
export const yearDays = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` })

function sessionQuery(db: Db) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .selectAll('s')
    .select('r.name as region_name')
}

export type TrainingSessionRow = Awaited<ReturnType<typeof findSession>>

/** Sessions under `regionPath` inside the caller's jurisdiction, latest first. */
export function listSessions(
  db: Db,
  caller: StaffCaller,
  regionPath: string,
  year: number | undefined,
) {
  let q = sessionQuery(db)
    .where(withinScope(caller, sql.ref('s.region_path')))
    .where(sql<boolean>`s.region_path <@ ${regionPath}::ltree`)
    .orderBy('s.held_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .limit(500)
  if (year !== undefined) {
    const { from, to } = yearDays(year)
    q = q.where('s.held_on', '>=', from).where('s.held_on', '<=', to)
  }
  return q.execute()
}

export function findSession(db: Db, id: string) {
  return sessionQuery(db).where('s.id', '=', id).executeTakeFirstOrThrow()
}

export function findSessionInScope(db: Db, caller: StaffCaller, id: string) {
  return sessionQuery(db)
    .where('s.id', '=', id)
    .where(withinScope(caller, sql.ref('s.region_path')))
    .forUpdate('s')
    .executeTakeFirst()
}

export async function insertSession(
  db: Db,
  values: Omit<TrainingSessionTable, 'id' | 'created_at'>,
): Promise<string> {
  const row = await db
    .insertInto('training_sessions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('training_sessions').where('id', '=', id).execute()
}
