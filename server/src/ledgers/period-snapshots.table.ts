import type { Ledger } from '@djt/shared'
import type { JSONColumnType } from 'kysely'

/** A jurisdiction's ledger frozen at a half-year's end (migration 0014); never updated. */
export interface LedgerPeriodSnapshotTable {
  region_code: string
  region_path: string
  period: string
  /** The Ledger as frozen; read it through Ledger.parse. */
  snapshot: JSONColumnType<Ledger, Ledger, never>
  frozen_at: Date
}
