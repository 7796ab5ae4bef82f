import { type ReviewQuery, waitingStates } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type { QueueCursor } from '../kernel/queue-cursor.ts'

type Db = Kysely<Database>

/** Entries staff may see: inside their subtree, and never someone's unsent draft. */
function visible(db: Db, caller: StaffCaller) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('regions as r', 'r.code', 'm.region_code')
    .where(withinScope(caller, sql.ref('m.region_path')))
    .where('m.state', '<>', 'draft')
    .where('m.queued_at', 'is not', null)
}

/** What narrows the queue besides the jurisdiction. */
export type QueueFilters = Pick<ReviewQuery, 'state' | 'kind' | 'platform' | 'strength'>

/** The queue's entries: `waiting` those a decision waits for, `all` every state sent in. */
function queue(db: Db, caller: StaffCaller, filters: QueueFilters) {
  let q = visible(db, caller)
  // `all` is every state `visible` lets through: a draft is never sent for review.
  if (filters.state === 'waiting') q = q.where('m.state', 'in', waitingStates)
  else if (filters.state !== 'all') q = q.where('m.state', '=', filters.state)
  if (filters.kind) q = q.where('m.kind', '=', filters.kind)
  if (filters.platform) q = q.where('m.platform', '=', filters.platform)
  if (filters.strength) q = q.where('m.evidence_strength', '=', filters.strength)
  return q
}

/** Oldest first by the time each entry joined the queue; keyset on (queued_at, id). */
export function listQueue(db: Db, caller: StaffCaller, query: ReviewQuery, after?: QueueCursor) {
  let q = queue(db, caller, query)
    .selectAll('m')
    .select('r.name as region_name')
    .orderBy('m.queued_at')
    .orderBy('m.id')
    .limit(query.limit + 1)
  if (after) q = q.where(sql<boolean>`(m.queued_at, m.id) > (${after.queuedAt}, ${after.id}::uuid)`)
  return q.execute()
}

/** How many entries the queue holds with these filters, over all its pages. */
export async function countQueue(db: Db, caller: StaffCaller, filters: QueueFilters) {
  const row = await queue(db, caller, filters)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function findForReview(db: Db, caller: StaffCaller, id: string, { lock = false } = {}) {
  const q = visible(db, caller)
    .selectAll('m')
    .select('r.name as region_name')
    .where('m.id', '=', id)
  return (lock ? q.forUpdate('m') : q).executeTakeFirst()
}

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findForReview>>>
