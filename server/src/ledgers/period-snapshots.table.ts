import type { ColumnType } from 'kysely'

/** A jurisdiction's ledger frozen at a half-year's end (migration 0014); never updated. */
export interface LedgerPeriodSnapshotTable {
  region_code: string
  region_path: string
  period: string
  /** The Ledger as frozen; insert as JSON text. */
  snapshot: ColumnType<unknown, string, never>
  frozen_at: Date
}
