import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

export function findSignup(db: Db, activityId: string, membershipId: string) {
  return db
    .selectFrom('activity_signups')
    .select(['id', 'state'])
    .where('activity_id', '=', activityId)
    .where('membership_id', '=', membershipId)
    .executeTakeFirst()
}

export async function countActiveSignups(db: Db, activityId: string): Promise<number> {
  const row = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activity_id', '=', activityId)
    .where('state', '=', 'active')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A new sign-up, or a withdrawn one reopened: one row per member and activity. */
export async function upsertSignup(
  db: Db,
  values: { activityId: string; regionCode: string; membershipId: string },
): Promise<string> {
  const row = await db
    .insertInto('activity_signups')
    .values({
      activity_id: values.activityId,
      region_code: values.regionCode,
      membership_id: values.membershipId,
    })
    .onConflict((oc) =>
      oc
        .columns(['activity_id', 'membership_id'])
        .doUpdateSet({ state: 'active', updated_at: sql`now()` }),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function withdrawSignup(db: Db, id: string): Promise<void> {
  await db
    .updateTable('activity_signups')
    .set({ state: 'withdrawn', updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export function listSignups(db: Db, activityId: string) {
  return db
    .selectFrom('activity_signups as s')
    .innerJoin('memberships as m', 'm.id', 's.membership_id')
    .select(['s.membership_id', 's.created_at', 'm.name as member_name'])
    .where('s.activity_id', '=', activityId)
    .where('s.state', '=', 'active')
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute()
}

export function listAttendances(db: Db, activityId: string) {
  return db
    .selectFrom('activity_attendances as a')
    .innerJoin('memberships as m', 'm.id', 'a.membership_id')
    .select(['a.membership_id', 'a.method', 'a.reason', 'a.at', 'm.name as member_name'])
    .where('a.activity_id', '=', activityId)
    .orderBy('a.at')
    .orderBy('a.id')
    .execute()
}

export type SignupRow = Awaited<ReturnType<typeof listSignups>>[number]
export type AttendanceRow = Awaited<ReturnType<typeof listAttendances>>[number]

export function findAttendance(db: Db, activityId: string, membershipId: string) {
  return db
    .selectFrom('activity_attendances')
    .select(['id', 'at'])
    .where('activity_id', '=', activityId)
    .where('membership_id', '=', membershipId)
    .executeTakeFirst()
}

/**
 * One attendance per member and activity: a second scan, even racing the first, inserts
 * nothing (the unique key) and answers with the row that is there.
 */
export async function insertAttendance(
  db: Db,
  values: {
    activityId: string
    regionCode: string
    membershipId: string
    method: 'scan' | 'manual'
    reason: string | null
    recordedBy: string | null
  },
): Promise<{ id: string; at: Date } | undefined> {
  return db
    .insertInto('activity_attendances')
    .values({
      activity_id: values.activityId,
      region_code: values.regionCode,
      membership_id: values.membershipId,
      method: values.method,
      reason: values.reason,
      recorded_by: values.recordedBy,
    })
    .onConflict((oc) => oc.columns(['activity_id', 'membership_id']).doNothing())
    .returning(['id', 'at'])
    .executeTakeFirst()
}
