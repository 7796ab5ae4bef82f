import type { RegisterKind } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import { unnestRows } from '../kernel/sql-arrays.ts'

export interface RejectRecord {
  line: number
  /** null: the row as a whole (the note that the list stopped). */
  field: string | null
  reason: string
}

export interface ImportCounts {
  read: number
  accepted: number
  rejected: number
}

/** Every region's ltree path by code: rows are checked against it without a query each. */
export async function loadRegionPaths(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('regions').select(['code', 'path']).execute()
  return new Map(rows.map((row) => [row.code, row.path]))
}

export async function createImport(
  db: Kysely<Database>,
  values: { kind: RegisterKind; fileName: string; caller: StaffCaller },
): Promise<string> {
  const row = await db
    .insertInto('register_imports')
    .values({
      kind: values.kind,
      file_name: values.fileName.slice(0, 255),
      imported_by: values.caller.id,
      region_code: values.caller.regionCode,
      region_path: values.caller.regionPath,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function finishImport(
  db: Kysely<Database>,
  id: string,
  counts: ImportCounts,
  evidenceRecomputed: number,
): Promise<void> {
  await db
    .updateTable('register_imports')
    .set({
      finished_at: sql<Date>`clock_timestamp()`,
      rows_read: counts.read,
      rows_accepted: counts.accepted,
      rows_rejected: counts.rejected,
      evidence_recomputed: evidenceRecomputed,
    })
    .where('id', '=', id)
    .execute()
}

export async function insertRejects(
  db: Kysely<Database>,
  importId: string,
  rejects: RejectRecord[],
): Promise<void> {
  if (rejects.length === 0) return
  const columns = [
    ['line', 'integer'],
    ['field', 'text'],
    ['reason', 'text'],
  ] as const
  await sql`insert into register_import_rejects (import_id, line, field, reason)
    select ${importId}::uuid, t.line::integer, t.field, t.reason
    from ${unnestRows(columns, rejects as unknown as Record<string, string | number>[])}
    on conflict do nothing`.execute(db)
}

function importsInScope(db: Kysely<Database>, caller: StaffCaller) {
  return db
    .selectFrom('register_imports as i')
    .innerJoin('users as u', 'u.id', 'i.imported_by')
    .selectAll('i')
    .select('u.display_name as imported_by_name')
    .where(withinScope(caller, sql.ref('i.region_path')))
    .where('i.finished_at', 'is not', null)
}

export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>

export function listImports(db: Kysely<Database>, caller: StaffCaller, limit: number) {
  return importsInScope(db, caller).orderBy('i.started_at', 'desc').limit(limit).execute()
}

export function findImport(db: Kysely<Database>, caller: StaffCaller, id: string) {
  return importsInScope(db, caller).where('i.id', '=', id).executeTakeFirst()
}

export interface DuplicateRecord {
  line: number
  keptLine: number
  disagreed: boolean
}

export async function insertDuplicates(
  db: Kysely<Database>,
  importId: string,
  duplicates: DuplicateRecord[],
): Promise<void> {
  if (duplicates.length === 0) return
  await db
    .insertInto('register_import_duplicates')
    .values(
      duplicates.map((d) => ({
        import_id: importId,
        line: d.line,
        kept_line: d.keptLine,
        disagreed: d.disagreed,
      })),
    )
    .execute()
}

/** Repeated rows in file order, up to limit. */
export function listDuplicates(db: Kysely<Database>, importId: string, limit: number) {
  return db
    .selectFrom('register_import_duplicates')
    .select(['line', 'kept_line as keptLine', 'disagreed'])
    .where('import_id', '=', importId)
    .orderBy('line')
    .limit(limit)
    .execute()
}

/** Rejects in file order, a page at a time after (line, reason). */
export function listRejects(
  db: Kysely<Database>,
  importId: string,
  limit: number,
  after?: { line: number; reason: string },
) {
  let query = db
    .selectFrom('register_import_rejects')
    .select(['line', 'field', 'reason'])
    .where('import_id', '=', importId)
  if (after) query = query.where(sql<boolean>`(line, reason) > (${after.line}, ${after.reason})`)
  return query.orderBy('line').orderBy('reason').limit(limit).execute()
}
