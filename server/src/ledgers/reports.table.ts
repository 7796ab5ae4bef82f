import type { Ledger } from '@djt/shared'
import type { Generated, JSONColumnType } from 'kysely'

export interface LedgerReportTable {
  id: Generated<string>
  region_code: string
  region_path: string
  period: string
  version: number
  /** The Ledger as it was at submission, never updated; read it through Ledger.parse. */
  snapshot: JSONColumnType<Ledger, Ledger, never>
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
