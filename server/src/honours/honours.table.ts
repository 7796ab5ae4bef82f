import type { Generated } from 'kysely'

export type HonourStateColumn = 'pending' | 'accepted' | 'declined' | 'revoked'
export type HonourNameShownColumn = 'full' | 'surname'

export interface HonourTables {
  rider_honours: RiderHonourTable
}

export interface RiderHonourTable {
  id: Generated<string>
  user_id: string
  membership_id: string | null
  region_code: string
  region_path: string
  city_code: string
  year: number
  rider_name: string
  /** The registration's platform when nominated; read through the shared Platform schema. */
  platform: string | null
  citation: string
  state: Generated<HonourStateColumn>
  name_shown: HonourNameShownColumn | null
  shown_name: string | null
  nominated_by: string
  answered_at: Date | null
  revoked_by: string | null
  revoke_reason: string | null
  revoked_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
