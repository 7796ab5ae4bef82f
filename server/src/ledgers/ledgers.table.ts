import type { ColumnType } from 'kysely'
import type { LedgerPeriodSnapshotTable } from './period-snapshots.table.ts'
import type { LedgerReportTable } from './reports.table.ts'

export interface LedgerTables {
  ledger_tallies: LedgerTallyTable
  ledger_reports: LedgerReportTable
  ledger_period_snapshots: LedgerPeriodSnapshotTable
  activity_attendees: ActivityAttendeeTable
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

/**
 * Kept by triggers (migration 0025): a member who attended at least one counted activity
 * held in a county in a year, with how many; the ledger's 参加活动党员 are these rows.
 */
export interface ActivityAttendeeTable {
  region_code: ColumnType<string, never, never>
  region_path: ColumnType<string, never, never>
  year: ColumnType<number, never, never>
  membership_id: ColumnType<string, never, never>
  attended: ColumnType<number, never, never>
  /** Of those, as a flow member (0030_activity_flow_members.sql). */
  flow_attended: ColumnType<number, never, never>
}
