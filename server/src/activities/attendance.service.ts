import type { Kysely } from 'kysely'
import { recordStaffAction, recordUserAction } from '../audit/audit.repository.ts'
import type { StaffCaller, UserCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import type { RequestContext } from '../regions/record-region.ts'
import { findActivity, findActivityInScope } from './activities.repository.ts'
import { conflict, invalid, openActivityInScope } from './activities.service.ts'
import type { ActivityTable } from './activities.table.ts'
import { verifiedMember } from './participation.service.ts'
import type { SignInCodes } from './sign-in-code.ts'
import { findAttendance, findSignup, insertAttendance } from './signups.repository.ts'

type Db = Kysely<Database>

/** Sign-in opens an hour before the start and closes an hour after the end. */
const SIGN_IN_MARGIN_MS = 60 * 60 * 1000

function refuseOutsideSignInTime(row: Pick<ActivityTable, 'starts_at' | 'ends_at'>, now: Date) {
  const opens = row.starts_at.getTime() - SIGN_IN_MARGIN_MS
  const closes = row.ends_at.getTime() + SIGN_IN_MARGIN_MS
  if (now.getTime() < opens || now.getTime() > closes)
    throw conflict('不在签到时间内（活动开始前1小时至结束后1小时）')
}

/** The code the organiser's phone shows; refused outside the sign-in time. */
export async function signInCodeFor(
  db: Db,
  caller: StaffCaller,
  id: string,
  codes: SignInCodes,
  now: Date,
) {
  const row = await findActivityInScope(db, caller, id)
  if (!row) throw notFound('活动')
  if (row.state === 'cancelled') throw conflict('活动已取消')
  if (row.state === 'closed') throw conflict('活动已结束，签到已关闭')
  refuseOutsideSignInTime(row, now)
  return codes.current(id, now)
}

const codeMessages = {
  unreadable: '无法识别的签到码，请扫描活动现场的签到二维码',
  forged: '签到码无效，请扫描活动现场的签到二维码',
  other_activity: '该签到码不是本活动的，请确认活动后重新扫码',
  stale: '签到码已过期，请扫描现场屏幕上最新的二维码',
} as const

/** A member scans the venue's code: signed in once; a second scan answers 已签到. */
export async function signIn(
  trx: Db,
  caller: UserCaller,
  id: string,
  code: string,
  codes: SignInCodes,
  now: Date,
  context: RequestContext,
): Promise<{ first: boolean; at: Date }> {
  const membership = await verifiedMember(trx, caller)
  const row = await findActivity(trx, id)
  if (!row) throw notFound('活动')
  if (row.state === 'cancelled') throw conflict('活动已取消')
  if (row.state === 'closed') throw conflict('活动已结束，签到已关闭')
  const check = codes.check(code, id, now)
  if (!check.ok) throw invalid('body.code', codeMessages[check.reason])
  refuseOutsideSignInTime(row, now)
  const signup = await findSignup(trx, id, membership.id)
  if (signup?.state !== 'active')
    throw new ApiError(403, 'forbidden', '您未报名该活动，请先报名或请组织者为您补签')
  const added = await insertAttendance(trx, {
    activityId: id,
    regionCode: row.region_code,
    membershipId: membership.id,
    method: 'scan',
    reason: null,
    recordedBy: null,
  })
  if (!added) {
    const before = await findAttendance(trx, id, membership.id)
    return { first: false, at: before?.at ?? now }
  }
  await recordUserAction(
    trx,
    caller,
    context,
    'activity.sign_in',
    ['activity', id],
    row.region_path,
  )
  return { first: true, at: added.at }
}

/** The organiser ticks a signed-up member by hand, with a reason (audited). */
export async function tickMember(
  trx: Db,
  caller: StaffCaller,
  id: string,
  body: { membershipId: string; reason: string },
  context: RequestContext,
): Promise<void> {
  const row = await openActivityInScope(trx, caller, id)
  const signup = await findSignup(trx, id, body.membershipId)
  if (signup?.state !== 'active') throw invalid('body.membershipId', '该党员未报名此活动')
  const added = await insertAttendance(trx, {
    activityId: id,
    regionCode: row.region_code,
    membershipId: body.membershipId,
    method: 'manual',
    reason: body.reason,
    recordedBy: caller.id,
  })
  if (!added) throw conflict('该党员已签到')
  await recordStaffAction(
    trx,
    caller,
    context,
    'activity.attendance_manual',
    ['activity', id],
    row.region_path,
    { membershipId: body.membershipId, reason: body.reason },
  )
}
