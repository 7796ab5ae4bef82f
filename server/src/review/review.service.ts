import { type DecisionRequest, staffLevelNames } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import type { Database, MembershipState } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { insertEvent, updateMembership } from '../memberships/memberships.repository.ts'
import { refuseAsConflict } from '../memberships/memberships.service.ts'
import { staffTransition } from '../memberships/state-machine.ts'
import { findRegion } from '../regions/regions.repository.ts'
import { findForReview, type ReviewRow } from './review.repository.ts'

type Db = Kysely<Database>

export interface Decided {
  id: string
  userId: string
  from: MembershipState
  to: MembershipState
}

/** How the member sees who decided: the bureau level and region, never a staff name. */
export async function staffLabel(db: Db, caller: StaffCaller): Promise<string> {
  const region = await findRegion(db, caller.regionCode)
  return `${region?.name ?? caller.regionCode}${staffLevelNames[caller.level]}工作人员`
}

/** One decision on one entry the caller sees, on the version they saw; audited. */
export async function decide(
  trx: Db,
  caller: StaffCaller,
  id: string,
  body: DecisionRequest,
  context: { requestId: string; ip: string; bulk?: boolean },
): Promise<Decided> {
  const row = await findForReview(trx, caller, id, { lock: true })
  if (!row) throw notFound('登记')
  if (row.version !== body.version)
    throw new ApiError(409, 'conflict', '该登记刚被修改过，请刷新后再处理')
  const transition = refuseAsConflict(() => staffTransition(row.state, body.decision))
  await updateMembership(trx, row.id, {
    state: transition.to,
    question: body.decision === 'ask' ? (body.note ?? null) : null,
  })
  await insertEvent(trx, {
    membership_id: row.id,
    actor_id: caller.id,
    actor_role: 'staff',
    actor_label: await staffLabel(trx, caller),
    action: transition.action,
    from_state: row.state,
    to_state: transition.to,
    note: body.note ?? null,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    `membership.${body.decision}`,
    ['membership', row.id],
    row.region_path,
    { from: row.state, to: transition.to, bulk: context.bulk ?? false },
  )
  return { id: row.id, userId: row.user_id, from: row.state, to: transition.to }
}

/** Bulk approval only where two registers independently match: anything less needs a person. */
export function bulkRefusal(row: ReviewRow | undefined): string | null {
  if (!row) return '登记不存在或不在本辖区'
  if (!['submitted', 'resubmitted'].includes(row.state)) return '不在待核验状态'
  if (row.evidence_strength !== 'strong' || row.evidence_sources < 2)
    return '名录证据不足（需两个名录一致），请逐条核验'
  return null
}
