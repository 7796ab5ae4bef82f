import type { ColumnType, Generated } from 'kysely'

/** Row types of every table, as both drivers return them (see db/types.ts for the parsers). */
export interface Database {
  schema_migrations: SchemaMigrationTable
  regions: RegionTable
  app_meta: AppMetaTable
  users: UserTable
  staff_accounts: StaffAccountTable
  refresh_tokens: RefreshTokenTable
  audit_log: AuditLogTable
}

export interface SchemaMigrationTable {
  version: number
  name: string
  checksum: string
  applied_at: ColumnType<Date, never, never>
}

export type RegionLevel = 'province' | 'city' | 'county'

export interface RegionTable {
  code: string
  name: string
  level: RegionLevel
  parent_code: string | null
  /** ltree of GB/T 2260 codes from the province down, e.g. 350000.350100.350102 */
  path: string
}

export interface AppMetaTable {
  key: string
  value: ColumnType<unknown, string, string>
  updated_at: Generated<Date>
}

export type StaffLevel = 'station' | 'county' | 'city' | 'province'

export interface UserTable {
  id: Generated<string>
  role: 'user' | 'staff'
  display_name: Generated<string>
  kind: 'rider' | 'operator' | 'market_opener' | null
  openid: string | null
  unionid: string | null
  privacy_version: string | null
  privacy_accepted_at: Date | null
  disabled_at: Date | null
  deleted_at: Date | null
  created_at: Generated<Date>
}

export interface StaffAccountTable {
  user_id: string
  username: string
  password_hash: string
  level: StaffLevel
  region_code: string
  region_path: string
  station_name: string | null
  totp_secret: string | null
  totp_enabled: Generated<boolean>
  totp_last_step: number | null
  failed_attempts: Generated<number>
  locked_until: Date | null
  created_by: string | null
}

export interface RefreshTokenTable {
  id: Generated<string>
  user_id: string
  family_id: string
  token_hash: string
  created_at: Generated<Date>
  expires_at: Date
  rotated_at: Date | null
  revoked_at: Date | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: Generated<Date>
  actor_id: string | null
  actor_role: 'user' | 'staff' | 'anonymous' | 'system' | null
  action: string
  target_type: string | null
  target_id: string | null
  region_path: string | null
  outcome: 'success' | 'failure' | 'denied'
  request_id: string | null
  ip: string | null
  detail: ColumnType<unknown, string | null, never>
}
