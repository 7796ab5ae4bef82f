import type { ColumnType, Generated } from 'kysely'

export interface LedgerReportTable {
  id: Generated<string>
  region_code: string
  region_path: string
  period: string
  version: number
  /** The Ledger as it was at submission; insert as JSON text, never updated. */
  snapshot: ColumnType<unknown, string, never>
  reason: string | null
  /** 'period_end': the snapshot frozen when the period ended; 'live': the ledger at submission. */
  basis: Generated<'period_end' | 'live'>
  submitted_by: string
  submitted_by_label: string
  submitted_at: Generated<Date>
  state: Generated<'submitted' | 'returned' | 'accepted'>
  decided_by: string | null
  decided_by_label: string | null
  decided_at: Date | null
  decision_note: string | null
}
