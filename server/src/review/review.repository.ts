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

/** Oldest first by the time each entry joined the queue; keyset on (queued_at, id). */
export function listQueue(db: Db, caller: StaffCaller, query: ReviewQuery, after?: QueueCursor) {
  let q = visible(db, caller)
    .selectAll('m')
    .select('r.name as region_name')
    .orderBy('m.queued_at')
    .orderBy('m.id')
    .limit(query.limit + 1)
  // `all` is every state `visible` lets through: a draft is never sent for review.
  if (query.state === 'waiting') q = q.where('m.state', 'in', waitingStates)
  else if (query.state !== 'all') q = q.where('m.state', '=', query.state)
  if (query.kind) q = q.where('m.kind', '=', query.kind)
  if (query.platform) q = q.where('m.platform', '=', query.platform)
  if (query.strength) q = q.where('m.evidence_strength', '=', query.strength)
  if (after) q = q.where(sql<boolean>`(m.queued_at, m.id) > (${after.queuedAt}, ${after.id}::uuid)`)
  return q.execute()
}

export function findForReview(db: Db, caller: StaffCaller, id: string, { lock = false } = {}) {
  const q = visible(db, caller)
    .selectAll('m')
    .select('r.name as region_name')
    .where('m.id', '=', id)
  return (lock ? q.forUpdate('m') : q).executeTakeFirst()
}

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findForReview>>>
