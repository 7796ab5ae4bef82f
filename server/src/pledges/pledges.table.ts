import type { PledgeContent } from '@djt/shared'
import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { JsonArrayColumn } from '../kernel/json-array.ts'

/** Bytes: pg gives a Buffer, PGlite a Uint8Array. */
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>

export type PledgeKindColumn = 'operator' | 'rider'
export type PledgeStatusColumn = 'active' | 'withdrawn' | 'suspended'
export type PledgeVersionStateColumn =
  | 'pending'
  | 'approved'
  | 'returned'
  | 'rejected'
  | 'superseded'

export interface PledgeTables {
  pledge_templates: PledgeTemplateTable
  pledge_photos: PledgePhotoTable
  pledges: PledgeTable
  pledge_versions: PledgeVersionTable
  pledge_ratings: PledgeRatingTable
  pledge_reports: PledgeReportTable
  pledge_report_quota: PledgeReportQuotaTable
  pledge_evaluations: PledgeEvaluationTable
}

export interface PledgeTemplateTable {
  id: Generated<string>
  kind: PledgeKindColumn
  text: string
  /** null: a national template, offered everywhere. */
  region_code: string | null
  region_path: string | null
  sort: Generated<number>
  retired_at: Date | null
  created_by: string | null
  created_at: Generated<Date>
}

export interface PledgePhotoTable {
  id: Generated<string>
  mime: 'image/jpeg' | 'image/png'
  bytes: Bytes
  /** The signed-in account that uploaded it; null for an upload without sign-in. */
  uploaded_by: string | null
  created_at: Generated<Date>
  /** WeChat's image check (migration 0033): see PhotoCheckState. */
  check_state: Generated<PhotoCheckState>
  /** mediaCheckAsync's trace_id while pending, kept after the answer. */
  check_trace: string | null
  check_label: number | null
  checked_at: Date | null
}

/** Where a photo's image check stands; the public sees only unchecked and passed ones. */
export type PhotoCheckState = 'unchecked' | 'pending' | 'passed' | 'review' | 'rejected'

export interface PledgeTable {
  id: Generated<string>
  user_id: string
  membership_id: string
  kind: PledgeKindColumn
  region_code: string
  region_path: string
  code: string | null
  status: Generated<PledgeStatusColumn>
  status_reason: string | null
  public_version_id: string | null
  wxacode: Bytes | null
  demo: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface PledgeVersionTable {
  id: Generated<string>
  pledge_id: string
  number: number
  state: PledgeVersionStateColumn
  /** The PledgeContent as submitted; read it through PledgeContent.parse. */
  content: JSONColumnType<PledgeContent, PledgeContent, PledgeContent>
  /** Read it through CheckNotes.parse; write it through jsonArray. */
  check_notes: JsonArrayColumn<string>
  submitted_at: Generated<Date>
  decided_at: Date | null
  decided_by: string | null
  comment: string | null
}

export interface PledgeRatingTable {
  id: Generated<number>
  pledge_id: string
  score: number
  comment: string | null
  device: string
  at: Generated<Date>
  /** China-local day of `at`; null on duplicates from before the once-a-day key (0018). */
  day: ColumnType<string | null, never, string | null>
}

export interface PledgeReportTable {
  id: Generated<string>
  pledge_id: string
  text: string
  photo_id: string | null
  /** Read it through CheckNotes.parse; write it through jsonArray. */
  check_notes: JsonArrayColumn<string>
  device: string
  at: Generated<Date>
  outcome: 'upheld' | 'dismissed' | null
  response: string | null
  responded_at: Date | null
  responded_by: string | null
}

/** Reports claimed per pledge, device and China-local day (migration 0018). */
export interface PledgeReportQuotaTable {
  pledge_id: string
  device: string
  day: ColumnType<string, string | undefined, string>
  used: number
}

export interface PledgeEvaluationTable {
  pledge_id: string
  period: string
  score: number
  note: string | null
  award: Generated<boolean>
  evaluated_by: string | null
  at: Generated<Date>
}
