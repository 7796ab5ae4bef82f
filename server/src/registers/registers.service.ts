import type { RegisterImport, RegisterImportReport, RegisterKind } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { notFound } from '../http/errors.ts'
import { CSV_BOM, csvLine } from '../kernel/csv-out.ts'
import { templateHeaders } from './columns.ts'
import { findImport, type ImportRow, listDuplicates, listRejects } from './registers.repository.ts'

/** The report lists this many rejects; the CSV download has them all. */
const REPORT_REJECTS = 1_000
const CSV_PAGE = 5_000

export function toRegisterImport(row: ImportRow): RegisterImport {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    regionCode: row.region_code,
    importedBy: row.imported_by_name,
    startedAt: row.started_at.toISOString(),
    finishedAt: (row.finished_at ?? row.started_at).toISOString(),
    rowsRead: row.rows_read,
    rowsAccepted: row.rows_accepted,
    rowsRejected: row.rows_rejected,
    evidenceRecomputed: row.evidence_recomputed,
  }
}

/** An import in the caller's jurisdiction with its first rejects; 404 outside it. */
export async function importReport(
  db: Kysely<Database>,
  caller: StaffCaller,
  id: string,
): Promise<RegisterImportReport> {
  const row = await findImport(db, caller, id)
  if (!row) throw notFound('导入记录')
  const rejected = await listRejects(db, id, REPORT_REJECTS)
  const duplicates = await listDuplicates(db, id, REPORT_REJECTS)
  return { ...toRegisterImport(row), rejected, duplicates }
}

/** Every reject of an import as CSV, read a page at a time: a file may refuse a million rows. */
export async function* rejectsCsv(db: Kysely<Database>, importId: string) {
  yield CSV_BOM + csvLine(['行号', '字段', '原因'])
  let after: { line: number; reason: string } | undefined
  for (;;) {
    const page = await listRejects(db, importId, CSV_PAGE, after)
    if (page.length > 0) yield page.map((r) => csvLine([r.line, r.field, r.reason])).join('')
    if (page.length < CSV_PAGE) return
    after = page.at(-1)
  }
}

export function templateCsv(kind: RegisterKind): string {
  return CSV_BOM + csvLine(templateHeaders(kind))
}
