import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type { LiaisonPairTable } from './work.table.ts'

type Db = Kysely<Database>
export type PairState = 'active' | 'ended' | 'all'

function pairQuery(db: Db) {
  return db
    .selectFrom('liaison_pairs as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .selectAll('p')
    .select('r.name as region_name')
}

export type LiaisonPairRow = Awaited<ReturnType<typeof findPair>>

/** Pairs under `regionPath` inside the caller's jurisdiction, by liaison. */
export function listPairs(db: Db, caller: StaffCaller, regionPath: string, state: PairState) {
  let q = pairQuery(db)
    .where(withinScope(caller, sql.ref('p.region_path')))
    .where(sql<boolean>`p.region_path <@ ${regionPath}::ltree`)
    .orderBy('p.liaison_name')
    .orderBy('p.started_on')
    .orderBy('p.id')
    .limit(500)
  if (state === 'active') q = q.where('p.ended_on', 'is', null)
  if (state === 'ended') q = q.where('p.ended_on', 'is not', null)
  return q.execute()
}

export function findPair(db: Db, id: string) {
  return pairQuery(db).where('p.id', '=', id).executeTakeFirstOrThrow()
}

export function findPairInScope(db: Db, caller: StaffCaller, id: string) {
  return pairQuery(db)
    .where('p.id', '=', id)
    .where(withinScope(caller, sql.ref('p.region_path')))
    .forUpdate('p')
    .executeTakeFirst()
}

/** Visits of these pairs, newest first. */
export function visitsOf(db: Db, pairIds: string[]) {
  if (pairIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('liaison_visits')
    .selectAll()
    .where('pair_id', 'in', pairIds)
    .orderBy('visited_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
}

export type LiaisonVisitRow = Awaited<ReturnType<typeof visitsOf>>[number]

/** A staff account the caller may name as a liaison: one inside their jurisdiction. */
export function findStaffInScope(db: Db, caller: StaffCaller, userId: string) {
  return db
    .selectFrom('staff_accounts')
    .select('user_id')
    .where('user_id', '=', userId)
    .where(withinScope(caller, sql.ref('region_path')))
    .executeTakeFirst()
}

export async function insertPair(
  db: Db,
  values: Omit<LiaisonPairTable, 'id' | 'created_at' | 'ended_on'>,
): Promise<string> {
  const row = await db
    .insertInto('liaison_pairs')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function endPair(db: Db, id: string, endedOn: string): Promise<void> {
  await db.updateTable('liaison_pairs').set({ ended_on: endedOn }).where('id', '=', id).execute()
}

export async function insertVisit(
  db: Db,
  values: { pair_id: string; visited_on: string; note: string; created_by: string },
) {
  return db.insertInto('liaison_visits').values(values).returningAll().executeTakeFirstOrThrow()
}
