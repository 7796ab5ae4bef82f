import type { Kysely, Updateable } from 'kysely'
import type { Database, UserTable } from '../db/schema.ts'

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

/** A staff account by its (lower-case) username, locked for this sign-in attempt. */
export function findStaffForSignIn(db: Db, username: string) {
  return db
    .selectFrom('staff_accounts')
    .innerJoin('users', 'users.id', 'staff_accounts.user_id')
    .select([
      'staff_accounts.user_id',
      'staff_accounts.password_hash',
      'staff_accounts.region_path',
      'staff_accounts.totp_secret',
      'staff_accounts.totp_enabled',
      'staff_accounts.totp_last_step',
      'users.disabled_at',
    ])
    .where('staff_accounts.username', '=', username)
    .forUpdate()
    .executeTakeFirst()
}

/** The last TOTP step used: a code is accepted once. */
export async function recordTotpStep(db: Db, userId: string, step: number): Promise<void> {
  await db
    .updateTable('staff_accounts')
    .set({ totp_last_step: step })
    .where('user_id', '=', userId)
    .execute()
}

/** The WeChat openid a subscribe message goes to; none for staff and erased accounts. */
export async function findOpenid(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('openid')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.openid ?? null
}

/** What the person registered as (rider, operator, market opener): their 我的 follows it. */
export async function setUserKind(
  db: Db,
  userId: string,
  kind: Updateable<UserTable>['kind'],
): Promise<void> {
  await db.updateTable('users').set({ kind }).where('id', '=', userId).execute()
}
