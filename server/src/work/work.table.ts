import type { Generated } from 'kysely'

export type OrganisationKindColumn = 'market' | 'platform_site' | 'business' | 'other'

export interface WorkTables {
  training_sessions: TrainingSessionTable
  liaison_pairs: LiaisonPairTable
  liaison_visits: LiaisonVisitTable
  party_committees: PartyCommitteeTable
}

/** Dates are the 'YYYY-MM-DD' text PostgreSQL sends (see db/types.ts). */
export interface TrainingSessionTable {
  id: Generated<string>
  region_code: string
  region_path: string
  held_on: string
  title: string
  attendees: number
  organiser: string | null
  note: string | null
  created_by: string
  created_at: Generated<Date>
}

export interface LiaisonPairTable {
  id: Generated<string>
  region_code: string
  region_path: string
  liaison_name: string
  liaison_staff_id: string | null
  organisation_name: string
  organisation_uscc: string | null
  organisation_kind: OrganisationKindColumn
  started_on: string
  ended_on: string | null
  created_by: string
  created_at: Generated<Date>
}

export interface LiaisonVisitTable {
  id: Generated<string>
  pair_id: string
  visited_on: string
  note: string
  created_by: string
  created_at: Generated<Date>
}

export interface PartyCommitteeTable {
  region_code: string
  region_path: string
  set_up: boolean
  set_up_on: string | null
  name: string | null
  updated_by: string
  updated_at: Generated<Date>
}
