import type { Kysely } from 'kysely'
import { recordStaffAction, recordUserAction } from '../audit/audit.repository.ts'
import type { StaffCaller, UserCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import {
  decideCheckin,
  findCheckinInScope,
  findOpenCheckin,
  findVerifiedMembership,
  insertCheckin,
} from './checkins.repository.ts'
import { findOpenPlace } from './places.repository.ts'

type Db = Kysely<Database>
interface RequestContext {
  requestId: string
  ip: string
}

/** A verified member asks to join a flow-member branch's activities (报到). */
export async function checkIn(
  trx: Db,
  caller: UserCaller,
  placeId: string,
  note: string | undefined,
  context: RequestContext,
): Promise<string> {
  const place = await findOpenPlace(trx, { id: placeId })
  if (!place) throw notFound('场所')
  if (place.kind !== 'flow_branch' || !place.accepts_flow_members)
    throw new ApiError(400, 'validation_failed', '该场所不接收流动党员报到')
  const membership = await findVerifiedMembership(trx, caller.id)
  if (!membership)
    throw new ApiError(403, 'forbidden', '党员身份核验通过后才能报到，请先完成党员登记并等待核验')
  if (await findOpenCheckin(trx, place.id, membership.id))
    throw new ApiError(409, 'conflict', '您已在该党支部报到或正在等待确认')
  const id = await insertCheckin(trx, {
    placeId: place.id,
    membershipId: membership.id,
    note: note || null,
  })
  await recordUserAction(
    trx,
    caller,
    context,
    'checkin.create',
    ['branch_checkin', id],
    place.region_path,
  )
  return id
}

export async function decide(
  trx: Db,
  caller: StaffCaller,
  id: string,
  body: { decision: 'approve' | 'decline'; note?: string | undefined },
  context: RequestContext,
): Promise<void> {
  const row = await findCheckinInScope(trx, caller, id, { lock: true })
  if (!row) throw notFound('报到记录')
  if (row.state !== 'pending') throw new ApiError(409, 'conflict', '该报到已处理')
  const state = body.decision === 'approve' ? 'approved' : 'declined'
  await decideCheckin(trx, id, { state, note: body.note || null, decidedBy: caller.id })
  await recordStaffAction(
    trx,
    caller,
    context,
    'checkin.decide',
    ['branch_checkin', id],
    row.region_path,
    { state },
  )
}
