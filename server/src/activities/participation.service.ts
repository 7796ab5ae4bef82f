import type { Kysely } from 'kysely'
import { recordUserAction } from '../audit/audit.repository.ts'
import type { UserCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import type { RequestContext } from '../regions/record-region.ts'
import { approvedBranchIds, findVerifiedMembership, lockActivity } from './activities.repository.ts'
import { conflict } from './activities.service.ts'
import type { Member } from './member-activities.repository.ts'
import {
  countActiveSignups,
  findSignup,
  upsertSignup,
  withdrawSignup,
} from './signups.repository.ts'

type Db = Kysely<Database>

export async function verifiedMember(db: Db, caller: UserCaller) {
  const membership = await findVerifiedMembership(db, caller.id)
  if (!membership)
    throw new ApiError(
      403,
      'forbidden',
      '党员身份核验通过后才能参加活动，请先完成党员登记并等待核验',
    )
  return membership
}

/** Who the caller is for the lists: nobody in particular until their membership is verified. */
export async function memberOf(db: Db, caller: UserCaller): Promise<Member> {
  const membership = await findVerifiedMembership(db, caller.id)
  if (!membership) return { membershipId: null, branchIds: [] }
  return { membershipId: membership.id, branchIds: await approvedBranchIds(db, membership.id) }
}

/** Signs up under the activity's row lock, so two members racing for the last place get one. */
export async function signUp(
  trx: Db,
  caller: UserCaller,
  id: string,
  now: Date,
  context: RequestContext,
): Promise<void> {
  const membership = await verifiedMember(trx, caller)
  const row = await lockActivity(trx, id)
  if (!row) throw notFound('活动')
  if (row.state === 'cancelled') throw conflict('活动已取消')
  if (row.state === 'closed' || row.starts_at <= now) throw conflict('活动已开始，不能再报名')
  if (row.audience === 'branch') {
    const branches = await approvedBranchIds(trx, membership.id)
    if (!row.branch_id || !branches.includes(row.branch_id))
      throw new ApiError(403, 'forbidden', '该活动仅限本支部已报到的党员报名，请先到该党支部报到')
  }
  const signup = await findSignup(trx, id, membership.id)
  if (signup?.state === 'active') throw conflict('您已报名该活动')
  if ((await countActiveSignups(trx, id)) >= row.capacity) throw conflict('活动名额已满')
  await upsertSignup(trx, {
    activityId: id,
    regionCode: row.region_code,
    membershipId: membership.id,
  })
  await recordUserAction(trx, caller, context, 'activity.signup', ['activity', id], row.region_path)
}

export async function withdraw(
  trx: Db,
  caller: UserCaller,
  id: string,
  now: Date,
  context: RequestContext,
): Promise<void> {
  const membership = await verifiedMember(trx, caller)
  const row = await lockActivity(trx, id)
  if (!row) throw notFound('活动')
  const signup = await findSignup(trx, id, membership.id)
  if (signup?.state !== 'active') throw notFound('报名记录')
  if (row.state !== 'published' || row.starts_at <= now)
    throw conflict('活动已开始或已结束，不能取消报名')
  await withdrawSignup(trx, signup.id)
  await recordUserAction(
    trx,
    caller,
    context,
    'activity.signup_withdraw',
    ['activity', id],
    row.region_path,
  )
}
