import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { Database, StaffLevel } from '../db/schema.ts'

type Db = Kysely<Database>

export interface NewStaff {
  username: string
  displayName: string
  passwordHash: string
  level: StaffLevel
  regionCode: string
  regionPath: string
  stationName: string | null
  createdBy: string | null
}

export async function insertStaff(db: Db, staff: NewStaff): Promise<string> {
  const user = await db
    .insertInto('users')
    .values({ role: 'staff', display_name: staff.displayName, openid: null, kind: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('staff_accounts')
    .values({
      user_id: user.id,
      username: staff.username,
      password_hash: staff.passwordHash,
      level: staff.level,
      region_code: staff.regionCode,
      region_path: staff.regionPath,
      station_name: staff.stationName,
      created_by: staff.createdBy,
    })
    .execute()
  return user.id
}

function staffQuery(db: Db) {
  return db
    .selectFrom('staff_accounts')
    .innerJoin('users', 'users.id', 'staff_accounts.user_id')
    .innerJoin('regions', 'regions.code', 'staff_accounts.region_code')
    .select([
      'users.id',
      'staff_accounts.username',
      'users.display_name',
      'staff_accounts.level',
      'staff_accounts.region_code',
      'staff_accounts.region_path',
      'regions.name as region_name',
      'regions.level as region_level',
      'regions.parent_code as region_parent_code',
      'staff_accounts.station_name',
      'users.disabled_at',
      'staff_accounts.totp_enabled',
      'users.created_at',
      // Locked out by failed sign-ins from some address: the supervisor may unlock it.
      sql<boolean>`exists (select 1 from staff_sign_in_failures f
        where f.username = staff_accounts.username and f.locked_until > now())`.as('locked'),
    ])
}

export type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['execute']>>[number]

/** Staff accounts inside the caller's jurisdiction. */
export function listStaffInScope(db: Db, caller: StaffCaller) {
  return staffQuery(db)
    .where(withinScope(caller, sql.ref('staff_accounts.region_path')))
    .orderBy('staff_accounts.region_path')
    .orderBy('staff_accounts.username')
    .execute()
}

export function findStaffInScope(db: Db, caller: StaffCaller, id: string) {
  return staffQuery(db)
    .where('users.id', '=', id)
    .where(withinScope(caller, sql.ref('staff_accounts.region_path')))
    .executeTakeFirst()
}

export async function setDisabled(db: Db, id: string, disabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabled ? new Date() : null })
    .where('id', '=', id)
    .execute()
}

/** The TOTP secret is stored encrypted: a database dump alone cannot mint codes. */
export async function saveTotpSecret(
  db: Db,
  cipher: FieldCipher,
  id: string,
  secret: string,
): Promise<void> {
  await db
    .updateTable('staff_accounts')
    .set({ totp_secret: cipher.encrypt(secret), totp_enabled: false })
    .where('user_id', '=', id)
    .execute()
}

/** Whether the second factor is on, without touching the secret. */
export function findTotpStatus(db: Db, id: string) {
  return db
    .selectFrom('staff_accounts')
    .select(['totp_enabled', 'username'])
    .where('user_id', '=', id)
    .executeTakeFirstOrThrow()
}

/** The decrypted secret; one that is not a valid ciphertext throws instead of being used. */
export async function findTotp(db: Db, cipher: FieldCipher, id: string) {
  const row = await db
    .selectFrom('staff_accounts')
    .select(['totp_secret', 'totp_enabled', 'username'])
    .where('user_id', '=', id)
    .executeTakeFirstOrThrow()
  return { ...row, totp_secret: row.totp_secret === null ? null : cipher.decrypt(row.totp_secret) }
}

export async function enableTotp(db: Db, id: string, step: number): Promise<void> {
  await db
    .updateTable('staff_accounts')
    .set({ totp_enabled: true, totp_last_step: step })
    .where('user_id', '=', id)
    .execute()
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff_accounts')
    .select('user_id')
    .where('username', '=', username)
    .executeTakeFirst()
  return row !== undefined
}
