import type { ColumnType, Generated } from 'kysely'

export type DifficultyCategoryColumn =
  | 'entry'
  | 'stairs'
  | 'parking'
  | 'charging'
  | 'rights'
  | 'conditions'
  | 'other'
export type DifficultyOutcomeColumn = 'solved' | 'referred' | 'unsolvable'
export type DifficultyEventKindColumn = 'raised' | 'reply' | 'forward' | 'close' | 'feedback'

export interface DifficultyTables {
  difficulties: DifficultyTable
  difficulty_events: DifficultyEventTable
  difficulty_photos: DifficultyPhotoTable
  difficulty_me_too: DifficultyMeTooTable
}

export interface DifficultyTable {
  id: Generated<string>
  user_id: string
  membership_id: string | null
  region_code: string
  region_path: string
  category: DifficultyCategoryColumn
  text: string
  place_name: string | null
  place_address: string | null
  lat: number | null
  lng: number | null
  /** earthdistance's `earth`: written as ll_to_earth(lat, lng), never read as a value. */
  geo: ColumnType<unknown, unknown, unknown>
  state: Generated<'open' | 'closed'>
  outcome: DifficultyOutcomeColumn | null
  outcome_note: string | null
  helpful: boolean | null
  answered_at: Date | null
  closed_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface DifficultyEventTable {
  id: Generated<string>
  difficulty_id: string
  kind: DifficultyEventKindColumn
  text: string | null
  to_region: string | null
  actor_id: string | null
  at: Generated<Date>
}

export interface DifficultyPhotoTable {
  difficulty_id: string
  position: number
  photo_id: string
}

export interface DifficultyMeTooTable {
  difficulty_id: string
  user_id: string
  at: Generated<Date>
}
