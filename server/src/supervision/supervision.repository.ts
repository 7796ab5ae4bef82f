import { chinaMidnight } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type {
  SupervisionCategoryColumn,
  SupervisionEventKindColumn,
  SupervisionOutcomeColumn,
  SupervisionReportTable,
} from './supervision.table.ts'

type Db = Kysely<Database>

/** A report with its county's name and the reporter's registered name (for staff only). */
function reportQuery(db: Db) {
  return db
    .selectFrom('supervision_reports as s')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .leftJoin('memberships as m', 'm.id', 's.membership_id')
    .selectAll('s')
    .select(['r.name as region_name', 'm.name as reporter_name'])
}

export type SupervisionReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>

export function findReport(db: Db, id: string) {
  return reportQuery(db).where('s.id', '=', id).executeTakeFirst()
}

/** Inside the caller's jurisdiction; outside it the report does not exist (404). */
export function findReportInScope(db: Db, caller: StaffCaller, id: string) {
  return reportQuery(db)
    .where('s.id', '=', id)
    .where(withinScope(caller, sql.ref('s.region_path')))
    .executeTakeFirst()
}

/** Locks the row for a change (two clerks recording at once: the second sees the first's). */
export function lockReport(db: Db, id: string) {
  return db
    .selectFrom('supervision_reports')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export function listMyReports(db: Db, userId: string) {
  return reportQuery(db)
    .where('s.user_id', '=', userId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(100)
    .execute()
}

export interface StaffFilter {
  state?: 'open' | 'closed' | undefined
  category?: SupervisionCategoryColumn | undefined
  outcome?: SupervisionOutcomeColumn | undefined
  /** China year of the report: what the ledger counts it under. */
  year?: number | undefined
}

function filtered(db: Db, scope: StaffCaller, filter: StaffFilter) {
  let out = reportQuery(db).where(withinScope(scope, sql.ref('s.region_path')))
  if (filter.state) out = out.where('s.state', '=', filter.state)
  if (filter.category) out = out.where('s.category', '=', filter.category)
  if (filter.outcome) out = out.where('s.outcome', '=', filter.outcome)
  if (filter.year !== undefined)
    out = out
      .where('s.created_at', '>=', chinaMidnight(filter.year, 0, 1))
      .where('s.created_at', '<', chinaMidnight(filter.year + 1, 0, 1))
  return out
}

/** One page of the jurisdiction's reports, oldest first; `limit + 1` rows tell if more follow. */
export function listReportsInScope(
  db: Db,
  scope: StaffCaller,
  filter: StaffFilter & { limit: number },
  after: { at: Date; id: string } | undefined,
) {
  let q = filtered(db, scope, filter)
  if (after)
    q = q.where(sql<boolean>`(s.created_at, s.id) > (${after.at}::timestamptz, ${after.id}::uuid)`)
  return q
    .orderBy('s.created_at')
    .orderBy('s.id')
    .limit(filter.limit + 1)
    .execute()
}

export async function countReportsInScope(db: Db, scope: StaffCaller, filter: StaffFilter) {
  const row = await filtered(db, scope, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertReport(
  db: Db,
  row: Omit<SupervisionReportTable, 'id' | 'state' | 'created_at' | 'updated_at'>,
): Promise<string> {
  const inserted = await db
    .insertInto('supervision_reports')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function insertReportPhotos(db: Db, id: string, photoIds: readonly string[]) {
  if (photoIds.length === 0) return
  await db
    .insertInto('supervision_report_photos')
    .values(photoIds.map((photoId, i) => ({ report_id: id, position: i + 1, photo_id: photoId })))
    .execute()
}

export async function photoIdsOf(db: Db, ids: readonly string[]) {
  const byId = new Map<string, string[]>()
  if (ids.length === 0) return byId
  const rows = await db
    .selectFrom('supervision_report_photos')
    .select(['report_id', 'photo_id'])
    .where('report_id', 'in', ids)
    .orderBy('report_id')
    .orderBy('position')
    .execute()
  for (const row of rows)
    byId.set(row.report_id, [...(byId.get(row.report_id) ?? []), row.photo_id])
  return byId
}

export async function isReportPhoto(db: Db, id: string, photoId: string) {
  const row = await db
    .selectFrom('supervision_report_photos')
    .select('photo_id')
    .where('report_id', '=', id)
    .where('photo_id', '=', photoId)
    .executeTakeFirst()
  return row !== undefined
}

export async function addEvent(
  db: Db,
  event: {
    reportId: string
    kind: SupervisionEventKindColumn
    text?: string | null
    toRegion?: string | null
    actorId: string | null
  },
) {
  await db
    .insertInto('supervision_report_events')
    .values({
      report_id: event.reportId,
      kind: event.kind,
      text: event.text ?? null,
      to_region: event.toRegion ?? null,
      actor_id: event.actorId,
    })
    .execute()
}

export async function eventsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('supervision_report_events as e')
    .leftJoin('regions as r', 'r.code', 'e.to_region')
    .select(['e.report_id', 'e.kind', 'e.text', 'e.at', 'r.name as region_name'])
    .where('e.report_id', 'in', ids)
    .orderBy('e.report_id')
    .orderBy('e.id')
    .execute()
}

export type SupervisionEventRow = Awaited<ReturnType<typeof eventsOf>>[number]

export async function moveReport(db: Db, id: string, region: { code: string; path: string }) {
  await db
    .updateTable('supervision_reports')
    .set({ region_code: region.code, region_path: region.path, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export async function closeReport(
  db: Db,
  id: string,
  result: { outcome: SupervisionOutcomeColumn; note: string; department: string | null },
) {
  await db
    .updateTable('supervision_reports')
    .set({
      state: 'closed',
      outcome: result.outcome,
      outcome_note: result.note,
      referred_department: result.department,
      closed_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute()
}

/** How many reports the rider made since `since` (the start of the China day). */
export async function countReportedSince(db: Db, userId: string, since: Date) {
  const row = await db
    .selectFrom('supervision_reports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The rider's verified member registration: only a verified member rider reports. */
export function findVerifiedRider(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['id'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'rider')
    .where('state', '=', 'verified')
    .executeTakeFirst()
}

export function findRegion(db: Db, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'path', 'level'])
    .where('code', '=', code)
    .executeTakeFirst()
}
