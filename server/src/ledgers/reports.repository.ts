import { Ledger } from '@djt/shared'
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type { LedgerReportTable } from './reports.table.ts'

type Db = Kysely<Database>

function reports(db: Db) {
  return db
    .selectFrom('ledger_reports as lr')
    .innerJoin('regions as r', 'r.code', 'lr.region_code')
    .select([
      'lr.id',
      'lr.region_code',
      'lr.region_path',
      'lr.period',
      'lr.version',
      'lr.state',
      'lr.reason',
      'lr.basis',
      'lr.submitted_at',
      'lr.submitted_by_label',
      'lr.decided_at',
      'lr.decided_by_label',
      'lr.decision_note',
      'r.name as region_name',
      'r.level as region_level',
      'r.parent_code as region_parent',
    ])
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof reports>['execute']>>[number]

/** Reports of the caller's own region and every region under it, newest period first. */
export function listReports(db: Db, caller: StaffCaller, period?: string) {
  let q = reports(db)
    .where(withinScope(caller, sql.ref('lr.region_path')))
    .orderBy('lr.period', 'desc')
    .orderBy('lr.region_code')
    .orderBy('lr.version', 'desc')
  if (period) q = q.where('lr.period', '=', period)
  return q.execute()
}

export async function findReport(db: Db, caller: StaffCaller, id: string, { lock = false } = {}) {
  const q = reports(db)
    .select('lr.snapshot')
    .where('lr.id', '=', id)
    .where(withinScope(caller, sql.ref('lr.region_path')))
  const row = await (lock ? q.forUpdate('lr') : q).executeTakeFirst()
  // jsonb comes back as whatever was stored: the shared schema makes it a Ledger.
  return row && { ...row, snapshot: Ledger.parse(row.snapshot) }
}

export async function latestVersion(db: Db, regionCode: string, period: string) {
  const row = await db
    .selectFrom('ledger_reports')
    .select(sql<number>`coalesce(max(version), 0)::int`.as('version'))
    .where('region_code', '=', regionCode)
    .where('period', '=', period)
    .executeTakeFirstOrThrow()
  return row.version
}

export async function insertReport(db: Db, row: Insertable<LedgerReportTable>): Promise<string> {
  const { id } = await db
    .insertInto('ledger_reports')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** The level above accepts or returns a report. */
export async function recordDecision(
  db: Db,
  id: string,
  decision: Pick<
    Updateable<LedgerReportTable>,
    'state' | 'decided_by' | 'decided_by_label' | 'decided_at' | 'decision_note'
  >,
): Promise<void> {
  await db.updateTable('ledger_reports').set(decision).where('id', '=', id).execute()
}
