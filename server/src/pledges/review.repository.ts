import { type PledgeStatus, RANKING_LIMIT } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import { pledges } from './pledges.repository.ts'
import type { PledgeReportTable, PledgeVersionStateColumn } from './pledges.table.ts'

type Db = Kysely<Database>

/** A pledge the caller may act on: inside their subtree; outside, it does not exist for them. */
export function findPledgeInScope(db: Db, caller: StaffCaller, id: string, { lock = false } = {}) {
  const q = pledges(db)
    .where('p.id', '=', id)
    .where(withinScope(caller, sql.ref('p.region_path')))
  return (lock ? q.forUpdate('p') : q).executeTakeFirst()
}

export interface VersionCursor {
  at: Date
  id: string
}

/** Versions in a state (of pledges in a status, if named) in the caller's jurisdiction. */
function versionsInScope(
  db: Db,
  caller: StaffCaller,
  query: { state: PledgeVersionStateColumn; status?: PledgeStatus | undefined },
) {
  let q = db
    .selectFrom('pledge_versions as v')
    .innerJoin('pledges as p', 'p.id', 'v.pledge_id')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .where(withinScope(caller, sql.ref('p.region_path')))
    .where('v.state', '=', query.state)
  if (query.status) q = q.where('p.status', '=', query.status)
  return q
}

/** Versions in a state, oldest first, keyset on (submitted_at, id). */
export function listVersionQueue(
  db: Db,
  caller: StaffCaller,
  query: { state: PledgeVersionStateColumn; limit: number; status?: PledgeStatus | undefined },
  after?: VersionCursor,
) {
  let q = versionsInScope(db, caller, query)
    .select([
      'v.id',
      'v.pledge_id',
      'v.number',
      'v.state',
      'v.content',
      'v.check_notes',
      'v.submitted_at',
      'p.kind',
      'p.public_version_id',
      'r.name as region_name',
    ])
    .orderBy('v.submitted_at')
    .orderBy('v.id')
    .limit(query.limit + 1)
  if (after) q = q.where(sql<boolean>`(v.submitted_at, v.id) > (${after.at}, ${after.id}::uuid)`)
  return q.execute()
}
export type QueueRow = Awaited<ReturnType<typeof listVersionQueue>>[number]

/** How many versions the queue holds over all pages, with the filters the list takes. */
export async function countVersionQueue(
  db: Db,
  caller: StaffCaller,
  query: { state: PledgeVersionStateColumn; status?: PledgeStatus | undefined },
): Promise<number> {
  const row = await versionsInScope(db, caller, query)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Reports on the caller's jurisdiction's pledges, open (no outcome yet) or handled. */
function reportsInScope(db: Db, caller: StaffCaller, state: 'open' | 'handled') {
  return db
    .selectFrom('pledge_reports as rep')
    .innerJoin('pledges as p', 'p.id', 'rep.pledge_id')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .where(withinScope(caller, sql.ref('p.region_path')))
    .where('rep.outcome', state === 'open' ? 'is' : 'is not', null)
}

/** How many reports are open (or handled) in the caller's jurisdiction, over all pages. */
export async function countReports(
  db: Db,
  caller: StaffCaller,
  state: 'open' | 'handled' = 'open',
): Promise<number> {
  const row = await reportsInScope(db, caller, state)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * One page of reports: open ones oldest first (the queue), handled ones newest first (the
 * history), keyset on (at, id); `limit + 1` rows tell if more follow.
 */
export function listReportQueue(
  db: Db,
  caller: StaffCaller,
  query: { state: 'open' | 'handled'; limit: number },
  after?: { at: Date; id: string },
) {
  const open = query.state === 'open'
  let q = reportsInScope(db, caller, query.state)
    .leftJoin('pledge_versions as v', 'v.id', 'p.public_version_id')
    .selectAll('rep')
    .select(['p.code', 'r.name as region_name', 'v.content'])
    .orderBy('rep.at', open ? 'asc' : 'desc')
    .orderBy('rep.id', open ? 'asc' : 'desc')
    .limit(query.limit + 1)
  if (after)
    q = q.where(
      open
        ? sql<boolean>`(rep.at, rep.id) > (${after.at}, ${after.id}::uuid)`
        : sql<boolean>`(rep.at, rep.id) < (${after.at}, ${after.id}::uuid)`,
    )
  return q.execute()
}
export type ReportQueueRow = Awaited<ReturnType<typeof listReportQueue>>[number]

export function findReportInScope(db: Db, caller: StaffCaller, id: string) {
  return db
    .selectFrom('pledge_reports as rep')
    .innerJoin('pledges as p', 'p.id', 'rep.pledge_id')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('pledge_versions as v', 'v.id', 'p.public_version_id')
    .selectAll('rep')
    .select(['p.code', 'p.region_path', 'r.name as region_name', 'v.content'])
    .where('rep.id', '=', id)
    .where(withinScope(caller, sql.ref('p.region_path')))
    .executeTakeFirst()
}

/**
 * 比作为: the shown pledges of the caller's jurisdiction, by the period's evaluation, then
 * by public rating (an average over fewer ratings counts for less only through the tie-break).
 * The top RANKING_LIMIT (shared with the page that says so); one more row says there are more.
 */
export function ranking(db: Db, caller: StaffCaller, period: string) {
  return db
    .selectFrom('pledges as p')
    .innerJoin('memberships as m', 'm.id', 'p.membership_id')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .innerJoin('pledge_versions as v', 'v.id', 'p.public_version_id')
    .leftJoin('pledge_evaluations as e', (join) =>
      join.onRef('e.pledge_id', '=', 'p.id').on('e.period', '=', period),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('pledge_ratings')
          .select([
            'pledge_id',
            sql<number>`avg(score)::float8`.as('average'),
            sql<number>`count(*)::int`.as('count'),
          ])
          .groupBy('pledge_id')
          .as('rt'),
      (join) => join.onRef('rt.pledge_id', '=', 'p.id'),
    )
    .select([
      'p.id',
      'p.code',
      'v.content',
      'r.name as region_name',
      'e.score',
      'e.award',
      'rt.average',
      'rt.count',
    ])
    .where(withinScope(caller, sql.ref('p.region_path')))
    .where('p.status', '=', 'active')
    .where('m.state', '=', 'verified')
    .orderBy(sql`e.score desc nulls last`)
    .orderBy(sql`rt.average desc nulls last`)
    .orderBy(sql`rt.count desc nulls last`)
    .orderBy('p.id')
    .limit(RANKING_LIMIT + 1)
    .execute()
}

export async function codeTaken(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('pledges')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst()
  return row !== undefined
}

/** A reviewer's decision on a submitted version. */
export async function decideVersion(
  db: Db,
  versionId: string,
  decision: {
    state: 'approved' | 'returned' | 'rejected'
    decidedBy: string
    comment: string | null
  },
): Promise<void> {
  await db
    .updateTable('pledge_versions')
    .set({
      state: decision.state,
      decided_at: sql`now()`,
      decided_by: decision.decidedBy,
      comment: decision.comment,
    })
    .where('id', '=', versionId)
    .execute()
}

/** The version shown until now, replaced by a newly approved one. */
export async function supersedeVersion(db: Db, versionId: string): Promise<void> {
  await db
    .updateTable('pledge_versions')
    .set({ state: 'superseded' })
    .where('id', '=', versionId)
    .execute()
}

/** One evaluation per pledge and half-year: a second replaces the first. */
export async function upsertEvaluation(
  db: Db,
  pledgeId: string,
  period: string,
  values: { score: number; note: string | null; award: boolean; evaluated_by: string },
): Promise<void> {
  await db
    .insertInto('pledge_evaluations')
    .values({ pledge_id: pledgeId, period, ...values })
    .onConflict((oc) =>
      oc.columns(['pledge_id', 'period']).doUpdateSet({ ...values, at: sql`now()` }),
    )
    .execute()
}

/** Answers a report once: false when it was already answered (by someone else meanwhile). */
export async function answerReport(
  db: Db,
  id: string,
  answer: { outcome: PledgeReportTable['outcome']; response: string; respondedBy: string },
): Promise<boolean> {
  const answered = await db
    .updateTable('pledge_reports')
    .set({
      outcome: answer.outcome,
      response: answer.response,
      responded_at: sql`now()`,
      responded_by: answer.respondedBy,
    })
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .executeTakeFirst()
  return answered.numUpdatedRows > 0n
}
