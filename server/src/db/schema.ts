import type {
  BranchInfo,
  Evidence,
  LinkageWeights,
  MembershipDraft,
  OpeningHours,
  PlaceImportReport,
  Warning,
} from '@djt/shared'
import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { ActivityTables } from '../activities/activities.table.ts'
import type { DifficultyTables } from '../difficulties/difficulties.table.ts'
import type { HonourTables } from '../honours/honours.table.ts'
import type { JsonArrayText } from '../kernel/json-array.ts'
import type { LedgerTables } from '../ledgers/ledgers.table.ts'
import type { PlatformSiteTables } from '../platform-sites/platform-sites.table.ts'
import type { PledgeTables } from '../pledges/pledges.table.ts'
import type { SupervisionTables } from '../supervision/supervision.table.ts'
import type { WorkTables } from '../work/work.table.ts'

/** Row types of every table, as both drivers return them (see db/types.ts for the parsers). */
export interface Database
  extends ActivityTables,
    DifficultyTables,
    HonourTables,
    LedgerTables,
    PlatformSiteTables,
    PledgeTables,
    SupervisionTables,
    WorkTables {
  schema_migrations: SchemaMigrationTable
  regions: RegionTable
  app_meta: AppMetaTable
  users: UserTable
  staff_accounts: StaffAccountTable
  refresh_tokens: RefreshTokenTable
  staff_sign_in_failures: StaffSignInFailureTable
  audit_log: AuditLogTable
  memberships: MembershipTable
  membership_events: MembershipEventTable
  register_imports: RegisterImportTable
  register_import_rejects: RegisterImportRejectTable
  register_import_duplicates: RegisterImportDuplicateTable
  register_business: RegisterBusinessTable
  register_annual_report: RegisterAnnualReportTable
  register_platform_roster: RegisterPlatformRosterTable
  register_party_list: RegisterPartyListTable
  linkage_weights: LinkageWeightsTable
  places: PlaceTable
  place_hours: PlaceHoursTable
  place_imports: PlaceImportTable
  branch_checkins: BranchCheckinTable
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

/** A JSON object whose shape its reader knows (app_meta's values, audit details). */
export type JsonObject = Record<string, unknown>

export interface AppMetaTable {
  key: string
  /** Read it through readMeta with the schema of what that key holds. */
  value: JSONColumnType<JsonObject, JsonObject, JsonObject>
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
  created_by: string | null
}

/** Failed staff sign-ins per username as typed (it may name no account) and source address. */
export interface StaffSignInFailureTable {
  username: string
  source: string
  failures: number
  locked_until: Date | null
  last_failure_at: Generated<Date>
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
  /** What else the event needs said; written, never read back by the server. */
  detail: JSONColumnType<JsonObject | null, JsonObject | null, never>
}

export type MembershipKind = 'rider' | 'operator' | 'market_opener'
export type MembershipState =
  | 'draft'
  | 'submitted'
  | 'needs_info'
  | 'resubmitted'
  | 'verified'
  | 'rejected'
  | 'revoked'
  | 'withdrawn'

export interface MembershipTable {
  id: Generated<string>
  user_id: string
  kind: MembershipKind
  state: MembershipState
  version: Generated<number>
  /** The form (or draft) without mobile and idNumber; read it through MembershipDraft.parse. */
  form: JSONColumnType<MembershipDraft, MembershipDraft, MembershipDraft>
  name: string | null
  region_code: string | null
  region_path: string | null
  platform: string | null
  rider_id_norm: string | null
  uscc: string | null
  mobile_enc: string | null
  mobile_bi: string | null
  id_number_enc: string | null
  id_number_bi: string | null
  /** Blind-index prefixes of the ID one slip away (evidence/linkage/id-corrections.ts). */
  id_number_near_bi: ColumnType<
    string[] | null,
    JsonArrayText<string> | null | undefined,
    JsonArrayText<string> | null
  >
  question: string | null
  /** Read it through Warning.array().parse; write it through jsonArray. */
  warnings: ColumnType<Warning[], JsonArrayText<Warning> | undefined, JsonArrayText<Warning>>
  /** The register evidence last computed (evidence.service); read it through Evidence.parse. */
  evidence: ColumnType<Evidence | null, Evidence | null | undefined, Evidence | null>
  evidence_strength: Generated<'strong' | 'moderate' | 'weak' | 'conflict' | 'none'>
  evidence_sources: Generated<number>
  queued_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface MembershipEventTable {
  id: Generated<number>
  membership_id: string
  at: Generated<Date>
  actor_id: string | null
  actor_role: 'member' | 'staff' | 'system'
  actor_label: string
  action: string
  from_state: MembershipState | null
  to_state: MembershipState
  note: string | null
  /** The photo sent with an answer (a screenshot staff asked for). */
  photo_id: ColumnType<string | null, string | null | undefined, string | null>
}

export type RegisterKind = 'business' | 'annual_report' | 'platform_roster' | 'party_list'

export interface RegisterImportTable {
  id: Generated<string>
  kind: RegisterKind
  file_name: string
  imported_by: string
  region_code: string
  region_path: string
  started_at: Generated<Date>
  finished_at: Date | null
  rows_read: Generated<number>
  rows_accepted: Generated<number>
  rows_rejected: Generated<number>
  evidence_recomputed: Generated<number>
}

export interface RegisterImportRejectTable {
  import_id: string
  line: number
  field: string | null
  reason: string
}

export interface RegisterImportDuplicateTable {
  import_id: string
  line: number
  kept_line: number
  disagreed: boolean
}

export interface RegisterBusinessTable {
  uscc: string
  name: string
  name_norm: string
  legal_representative: string
  legal_representative_norm: string
  status: string
  active: boolean
  region_code: string
  region_path: string
  import_id: string
}

export interface RegisterAnnualReportTable {
  uscc: string
  member_count: number
  has_organisation: boolean
  region_path: string
  import_id: string
}

export interface RegisterPlatformRosterTable {
  id: Generated<number>
  platform: string
  rider_id_norm: string
  name: string
  name_norm: string
  mobile_enc: string
  mobile_bi: string
  is_member: boolean
  region_code: string
  region_path: string
  import_id: string
}

/** One version of the record-linkage weights; read it through LinkageWeights.parse. */
export interface LinkageWeightsTable {
  version: number
  weights: JSONColumnType<LinkageWeights, LinkageWeights, LinkageWeights>
  note: string
  created_at: Generated<Date>
}

export interface RegisterPartyListTable {
  id: Generated<number>
  name: string
  name_norm: string
  id_number_enc: string | null
  id_number_bi: string | null
  mobile_enc: string | null
  mobile_bi: string | null
  organisation: string
  region_code: string
  region_path: string
  import_id: string
}

export type PlaceKindColumn =
  | 'care_station'
  | 'canteen'
  | 'flow_branch'
  | 'guidance_station'
  | 'service_center'
export type PlaceStatusColumn = 'open' | 'suspended' | 'closed'

export interface PlaceTable {
  id: Generated<string>
  code: string
  name: string
  kind: PlaceKindColumn
  brand: 'love_station' | 'rider_home' | 'union_station' | null
  address: string
  region_code: string
  region_path: string
  lat: number
  lng: number
  /** earthdistance point: insert and update as `ll_to_earth(lat, lng)`; never selected. */
  geo: ColumnType<unknown, unknown, unknown>
  always_open: Generated<boolean>
  /** The OpeningHours as entered; read it through OpeningHours.parse. */
  hours: JSONColumnType<OpeningHours, OpeningHours, OpeningHours>
  facilities: ColumnType<string[], string[] | undefined, string[]>
  phone: string | null
  operator: 'union' | 'platform' | 'bureau' | 'community' | 'other'
  status: Generated<PlaceStatusColumn>
  last_checked_on: string | null
  /** A flow-member branch's BranchInfo, null for other kinds; read it through BranchInfo.parse. */
  branch: JSONColumnType<BranchInfo | null, BranchInfo | null, BranchInfo | null>
  accepts_flow_members: Generated<boolean>
  demo: Generated<boolean>
  created_by: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface PlaceHoursTable {
  place_id: string
  /** 0 = Monday … 6 = Sunday */
  weekday: number
  open_min: number
  /** Up to 2880: past 1440 the range runs into the next day. */
  close_min: number
}

type StoredImportReport = Omit<PlaceImportReport, 'id' | 'fileName' | 'crs'>

export interface PlaceImportTable {
  id: Generated<string>
  file_name: string
  crs: 'wgs84' | 'gcj02' | 'bd09'
  imported_by: string
  region_path: string
  at: Generated<Date>
  rows_read: number
  rows_accepted: number
  rows_rejected: number
  /** The answer the import gave, less what the row holds in its own columns; never read back. */
  report: JSONColumnType<StoredImportReport, StoredImportReport, never>
}

export type CheckinStateColumn = 'pending' | 'approved' | 'declined' | 'withdrawn'

export interface BranchCheckinTable {
  id: Generated<string>
  place_id: string
  membership_id: string
  state: Generated<CheckinStateColumn>
  note: string | null
  decision_note: string | null
  decided_by: string | null
  created_at: Generated<Date>
  decided_at: Date | null
  /**
   * Stamped on insert by ledger_stamp_checkin (migrations/repeatable/ledger_tallies.sql):
   * the member's region and platform ('' for none) then, which the riders ledger counts.
   */
  ledger_region: ColumnType<string | null, never, never>
  ledger_path: ColumnType<string | null, never, never>
  ledger_platform: ColumnType<string | null, never, never>
}
