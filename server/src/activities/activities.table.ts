import type { ColumnType, Generated } from 'kysely'

export type ActivityKindColumn =
  | 'theme_day'
  | 'party_lecture'
  | 'general_meeting'
  | 'committee_meeting'
  | 'group_meeting'
  | 'life_meeting'
  | 'training'
  | 'volunteering'
export type ActivityStateColumn = 'published' | 'cancelled' | 'closed'

export interface ActivityTables {
  activities: ActivityTable
  activity_signups: ActivitySignupTable
  activity_attendances: ActivityAttendanceTable
  activity_photos: ActivityPhotoTable
}

/** The closing record's photos, in the order the organiser chose. */
export interface ActivityPhotoTable {
  activity_id: string
  region_code: string
  position: number
  photo_id: string
}

export interface ActivityTable {
  id: Generated<string>
  region_code: string
  region_path: string
  kind: ActivityKindColumn
  title: string
  starts_at: Date
  ends_at: Date
  place_id: string | null
  address: string
  lat: number
  lng: number
  /** earthdistance's `earth`: written as ll_to_earth(lat, lng), never read as a value. */
  geo: ColumnType<unknown, unknown, unknown>
  capacity: number
  audience: 'branch' | 'nearby'
  branch_id: string | null
  description: string | null
  state: Generated<ActivityStateColumn>
  cancel_reason: string | null
  cancelled_at: Date | null
  minutes: string | null
  closed_at: Date | null
  /** When the reminder before the start was sent (or claimed by the server sending it). */
  reminded_at: Date | null
  /** Active sign-ups and attendances, kept by triggers for the ledger (migration 0025). */
  signups_active: ColumnType<number, never, never>
  attended: ColumnType<number, never, never>
  created_by: string
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ActivitySignupTable {
  id: Generated<string>
  activity_id: string
  region_code: string
  membership_id: string
  state: Generated<'active' | 'withdrawn'>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ActivityAttendanceTable {
  id: Generated<string>
  activity_id: string
  region_code: string
  membership_id: string
  method: 'scan' | 'manual'
  reason: string | null
  recorded_by: string | null
  at: Generated<Date>
  /** Set by a trigger on insert from the rider's registration (ledger_tallies.sql). */
  flow_member: ColumnType<boolean, never, never>
}
