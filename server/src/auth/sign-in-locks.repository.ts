import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 15

interface Key {
  username: string
  source: string
}

/** When the lock on this username from this source ends, if it is locked now. */
export async function activeLock(db: Db, { username, source }: Key): Promise<Date | undefined> {
  const row = await db
    .selectFrom('staff_sign_in_failures')
    .select('locked_until')
    .where('username', '=', username)
    .where('source', '=', source)
    .where('locked_until', '>', sql<Date>`now()`)
    .forUpdate()
    .executeTakeFirst()
  return row?.locked_until ?? undefined
}

/**
 * One more failure; the fifth locks for 15 minutes. A lock that has expired starts the
 * count again, so one wrong password every 15 minutes never keeps anyone out.
 */
export async function countFailure(db: Db, { username, source }: Key): Promise<void> {
  await sql`
    insert into staff_sign_in_failures as f (username, source, failures, locked_until)
    values (${username}, ${source}, 1, null)
    on conflict (username, source) do update set
      failures = case when f.locked_until <= now() then 1 else f.failures + 1 end,
      locked_until = case
        when f.locked_until <= now() then null
        when f.failures + 1 >= ${MAX_FAILED_ATTEMPTS}
          then now() + make_interval(mins => ${LOCKOUT_MINUTES})
        else f.locked_until end,
      last_failure_at = now()`.execute(db)
}

/** A successful sign-in from a source forgets that source's failures. */
export async function clearFailures(db: Db, { username, source }: Key): Promise<void> {
  await db
    .deleteFrom('staff_sign_in_failures')
    .where('username', '=', username)
    .where('source', '=', source)
    .execute()
}

/** The supervisor's unlock: every source's failures for this username, gone. */
export async function unlockUsername(db: Db, username: string): Promise<number> {
  const result = await db
    .deleteFrom('staff_sign_in_failures')
    .where('username', '=', username)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Counts a day old or more are of no use: the retention job drops them. */
export async function pruneSignInFailures(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('staff_sign_in_failures')
    .where('last_failure_at', '<', sql<Date>`now() - interval '1 day'`)
    .where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
