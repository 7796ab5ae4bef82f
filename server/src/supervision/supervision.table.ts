import type { Generated } from 'kysely'

export type SupervisionCategoryColumn = 'food' | 'price' | 'online' | 'other'
export type SupervisionOutcomeColumn = 'upheld' | 'unfounded' | 'referred'
export type SupervisionEventKindColumn = 'reported' | 'forward' | 'close'

export interface SupervisionTables {
  supervision_reports: SupervisionReportTable
  supervision_report_events: SupervisionReportEventTable
  supervision_report_photos: SupervisionReportPhotoTable
}

export interface SupervisionReportTable {
  id: Generated<string>
  user_id: string
  membership_id: string | null
  region_code: string
  region_path: string
  category: SupervisionCategoryColumn
  merchant_name: string
  merchant_address: string
  credit_code: string | null
  lat: number | null
  lng: number | null
  text: string
  state: Generated<'open' | 'closed'>
  outcome: SupervisionOutcomeColumn | null
  outcome_note: string | null
  referred_department: string | null
  closed_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface SupervisionReportEventTable {
  id: Generated<string>
  report_id: string
  kind: SupervisionEventKindColumn
  text: string | null
  to_region: string | null
  actor_id: string | null
  at: Generated<Date>
}

export interface SupervisionReportPhotoTable {
  report_id: string
  position: number
  photo_id: string
}
