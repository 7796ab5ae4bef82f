import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

/**
 * Published activities starting within `leadMs` that no server has reminded of yet,
 * marked as reminded in the same statement: of several servers running this at once,
 * each activity goes to one.
 */
export async function claimDueReminders(db: Db, now: Date, leadMs: number) {
  const until = new Date(now.getTime() + leadMs)
  const { rows } = await sql<{ id: string }>`update activities set reminded_at = ${now}
    where state = 'published' and reminded_at is null
      and starts_at > ${now} and starts_at <= ${until}
    returning id`.execute(db)
  return rows.map((row) => row.id)
}

/** The WeChat openids of the members signed up for an activity (sign-ups still active). */
export async function signedUpOpenids(db: Db, activityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('activity_signups as s')
    .innerJoin('memberships as m', 'm.id', 's.membership_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.openid')
    .where('s.activity_id', '=', activityId)
    .where('s.state', '=', 'active')
    .where('u.openid', 'is not', null)
    .execute()
  return rows.flatMap((row) => (row.openid ? [row.openid] : []))
}
