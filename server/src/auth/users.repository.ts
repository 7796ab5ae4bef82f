import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

/** The account row plus, for staff, their staff row: what every request is checked against. */
export function findAccount(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .leftJoin('staff_accounts', 'staff_accounts.user_id', 'users.id')
    .select([
      'users.id',
      'users.role',
      'users.display_name',
      'users.kind',
      'users.privacy_version',
      'users.privacy_accepted_at',
      'users.disabled_at',
      'users.deleted_at',
      'staff_accounts.username',
      'staff_accounts.level',
      'staff_accounts.region_code',
      'staff_accounts.region_path',
      'staff_accounts.station_name',
      'staff_accounts.totp_enabled',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst()
}

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>

/** Finds the mini-program user of this openid, creating them on first sign-in. */
export async function upsertWechatUser(db: Db, openid: string, unionid: string | undefined) {
  const existing = await db
    .selectFrom('users')
    .select(['id', 'unionid'])
    .where('openid', '=', openid)
    .executeTakeFirst()
  if (existing) {
    if (unionid && existing.unionid !== unionid) {
      await db.updateTable('users').set({ unionid }).where('id', '=', existing.id).execute()
    }
    return { id: existing.id, created: false }
  }
  const created = await db
    .insertInto('users')
    .values({ role: 'user', openid, unionid: unionid ?? null, kind: null })
    .onConflict((conflict) => conflict.column('openid').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (created) return { id: created.id, created: true }
  // Two first sign-ins raced: the other one created the row.
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('openid', '=', openid)
    .executeTakeFirstOrThrow()
  return { id: row.id, created: false }
}
