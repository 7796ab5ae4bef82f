import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { CheckinStateColumn, Database } from '../db/schema.ts'

type Db = Kysely<Database>

/** The caller's verified membership: only a verified member may check in. */
export function findVerifiedMembership(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'name'])
    .where('user_id', '=', userId)
    .where('state', '=', 'verified')
    .executeTakeFirst()
}

export function findOpenCheckin(db: Db, placeId: string, membershipId: string) {
  return db
    .selectFrom('branch_checkins')
    .select('id')
    .where('place_id', '=', placeId)
    .where('membership_id', '=', membershipId)
    .where('state', 'in', ['pending', 'approved'])
    .executeTakeFirst()
}

export async function insertCheckin(
  db: Db,
  values: { placeId: string; membershipId: string; note: string | null },
): Promise<string> {
  const row = await db
    .insertInto('branch_checkins')
    .values({ place_id: values.placeId, membership_id: values.membershipId, note: values.note })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

function checkinQuery(db: Db) {
  return db
    .selectFrom('branch_checkins as c')
    .innerJoin('places as p', 'p.id', 'c.place_id')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .selectAll('c')
    .select(['p.name as place_name', 'p.region_path', 'm.name as member_name'])
}

export function listMyCheckins(db: Db, userId: string) {
  return checkinQuery(db)
    .where('m.user_id', '=', userId)
    .orderBy('c.created_at', 'desc')
    .limit(100)
    .execute()
}

/** Check-ins at branches in the caller's jurisdiction, in one state or all: the list and its count. */
function checkinsInScope(db: Db, caller: StaffCaller, state?: CheckinStateColumn) {
  let q = db
    .selectFrom('branch_checkins as c')
    .innerJoin('places as p', 'p.id', 'c.place_id')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .where(withinScope(caller, sql.ref('p.region_path')))
  if (state) q = q.where('c.state', '=', state)
  return q
}

/** One page of them, oldest first, keyset on (created_at, id); `limit + 1` rows tell if more follow. */
export function listCheckinsInScope(
  db: Db,
  caller: StaffCaller,
  query: { state?: CheckinStateColumn | undefined; limit: number },
  after?: { at: Date; id: string },
) {
  let q = checkinsInScope(db, caller, query.state)
    .selectAll('c')
    .select(['p.name as place_name', 'p.region_path', 'm.name as member_name'])
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(query.limit + 1)
  if (after) q = q.where(sql<boolean>`(c.created_at, c.id) > (${after.at}, ${after.id}::uuid)`)
  return q.execute()
}

/** How many check-ins (in a state, or all) the caller's jurisdiction holds, over all pages. */
export async function countCheckinsInScope(
  db: Db,
  caller: StaffCaller,
  state?: CheckinStateColumn,
): Promise<number> {
  const row = await checkinsInScope(db, caller, state)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function findCheckinInScope(db: Db, caller: StaffCaller, id: string, { lock = false } = {}) {
  const q = checkinQuery(db)
    .where('c.id', '=', id)
    .where(withinScope(caller, sql.ref('p.region_path')))
  return (lock ? q.forUpdate('c') : q).executeTakeFirst()
}

export function findCheckin(db: Db, id: string) {
  return checkinQuery(db).where('c.id', '=', id).executeTakeFirstOrThrow()
}

export type CheckinRow = Awaited<ReturnType<typeof findCheckin>>

export async function decideCheckin(
  db: Db,
  id: string,
  change: { state: CheckinStateColumn; note: string | null; decidedBy: string },
): Promise<void> {
  await db
    .updateTable('branch_checkins')
    .set({
      state: change.state,
      decision_note: change.note,
      decided_by: change.decidedBy,
      decided_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute()
}
