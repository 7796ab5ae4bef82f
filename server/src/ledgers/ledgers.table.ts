import type { ColumnType } from 'kysely'
import type { LedgerPeriodSnapshotTable } from './period-snapshots.table.ts'
import type { LedgerReportTable } from './reports.table.ts'

export interface LedgerTables {
  ledger_tallies: LedgerTallyTable
  ledger_reports: LedgerReportTable
  ledger_period_snapshots: LedgerPeriodSnapshotTable
}

/** Kept by triggers (migration 0010); the application only reads it. */
export interface LedgerTallyTable {
  region_code: string
  region_path: string
  metric: string
  key: string
  class: string
  /** bigint: read through sum(...)::float8 */
  value: ColumnType<number, never, never>
}
