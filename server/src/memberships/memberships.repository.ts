import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely'
import type { Database, MembershipEventTable, MembershipTable } from '../db/schema.ts'

type Db = Kysely<Database>
export type MembershipRow = Selectable<MembershipTable>
export type MembershipEventRow = Selectable<MembershipEventTable>

const CLOSED = ['revoked', 'withdrawn'] as const

/** The person's open entry, locked for the change about to be made to it. */
export function lockOpenMembership(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', userId)
    .where('state', 'not in', CLOSED)
    .forUpdate()
    .executeTakeFirst()
}

/** What the member sees: the open entry, else the latest closed one (so 已撤销 shows). */
export function findLatestMembership(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy(sql`state in ('revoked', 'withdrawn')`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertMembership(db: Db, row: Insertable<MembershipTable>) {
  return db.insertInto('memberships').values(row).returningAll().executeTakeFirstOrThrow()
}

/** Every change bumps the version, which reviewers quote back to detect a stale view. */
export async function updateMembership(
  db: Db,
  id: string,
  changes: Updateable<MembershipTable>,
): Promise<MembershipRow> {
  return db
    .updateTable('memberships')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function insertEvent(db: Db, event: Insertable<MembershipEventTable>): Promise<void> {
  await db.insertInto('membership_events').values(event).execute()
}

/** Whether a photo was sent with an answer on this registration (staff may then open it). */
export async function isAnswerPhoto(db: Db, membershipId: string, photoId: string) {
  const event = await db
    .selectFrom('membership_events')
    .select('id')
    .where('membership_id', '=', membershipId)
    .where('photo_id', '=', photoId)
    .executeTakeFirst()
  return Boolean(event)
}

export function listEvents(db: Db, membershipId: string) {
  return db
    .selectFrom('membership_events')
    .selectAll()
    .where('membership_id', '=', membershipId)
    .orderBy('id', 'desc')
    .execute()
}
