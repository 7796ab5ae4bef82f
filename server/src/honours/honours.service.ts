import {
  chinaYear,
  type HonourNameShown,
  honourShownName,
  honourYears,
  type NominateHonourRequest,
} from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction, recordUserAction } from '../audit/audit.repository.ts'
import type { StaffCaller, UserCaller } from '../auth/access.ts'
import type { ContentChecker } from '../content-check/content-check.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { decodeCursor, encodeCursor } from '../kernel/queue-cursor.ts'
import type { RequestContext } from '../regions/record-region.ts'
import { findRegion } from '../regions/regions.repository.ts'
import {
  answerHonour,
  findCountingHonour,
  findHonourInScope,
  findVerifiedRider,
  insertHonour,
  lockHonour,
  revokeHonour,
} from './honours.repository.ts'

type Db = Kysely<Database>

const invalid = (field: string, message: string) =>
  new ApiError(400, 'validation_failed', message, [{ field, message }])
const conflict = (message: string) => new ApiError(409, 'conflict', message)

/** The city of the honour: a 设区市 that exists and holds the rider's county. */
async function honourCity(trx: Db, code: string, riderPath: string) {
  const city = await findRegion(trx, code)
  if (!city) throw invalid('body.cityCode', '没有这个设区市代码')
  if (city.level !== 'city') throw invalid('body.cityCode', '请选择设区市（市一级）')
  if (!riderPath.startsWith(`${city.path}.`))
    throw invalid('body.cityCode', '该骑手不在这个设区市工作，请选择骑手所在的设区市')
  return city
}

/**
 * Staff nominate a verified member rider of their jurisdiction: the citation through the
 * content check (it may become public), this year or the last (China time), once per
 * rider, city and year.
 */
export async function nominateHonour(
  trx: Db,
  caller: StaffCaller,
  body: NominateHonourRequest,
  checker: ContentChecker,
  now: Date,
  context: RequestContext,
): Promise<string> {
  const rider = await findVerifiedRider(trx, caller, body.membershipId)
  if (!rider?.region_path || !rider.region_code || !rider.name)
    throw invalid('body.membershipId', '本辖区内没有这名骑手')
  if (rider.kind !== 'rider') throw invalid('body.membershipId', '只能推荐骑手')
  if (rider.state !== 'verified') throw invalid('body.membershipId', '只能推荐党员身份已核验的骑手')
  const years = honourYears(chinaYear(now))
  if (!years.includes(body.year))
    throw invalid('body.year', `评选年度只能是${years.map((y) => `${y}年`).join('或')}`)
  const city = await honourCity(trx, body.cityCode, rider.region_path)
  const verdict = await checker.check(
    [{ field: 'body.citation', label: '推荐事迹', text: body.citation }],
    { openid: null, scene: 1 },
  )
  if (verdict.blocked.length > 0)
    throw new ApiError(
      400,
      'validation_failed',
      verdict.blocked[0]?.message ?? '推荐事迹未通过检查',
      verdict.blocked,
    )
  if (await findCountingHonour(trx, rider.user_id, city.code, body.year))
    throw conflict(
      `${rider.name}已被推荐为${body.year}年${city.name}最美骑手，同一年度不能重复推荐`,
    )
  const id = await insertHonour(trx, {
    user_id: rider.user_id,
    membership_id: rider.id,
    region_code: rider.region_code,
    region_path: rider.region_path,
    city_code: city.code,
    year: body.year,
    rider_name: rider.name,
    platform: rider.platform,
    citation: body.citation,
    nominated_by: caller.id,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    'honour.nominate',
    ['rider_honour', id],
    rider.region_path,
    { city: city.code, year: body.year },
  )
  return id
}

/** Staff revoke an honour of their jurisdiction with a reason; it leaves the public list. */
export async function revokeHonourWithReason(
  trx: Db,
  caller: StaffCaller,
  id: string,
  reason: string,
  context: RequestContext,
) {
  if (!(await findHonourInScope(trx, caller, id))) throw notFound('荣誉')
  const row = await lockHonour(trx, id)
  if (!row) throw notFound('荣誉')
  if (row.state === 'revoked') throw conflict('该荣誉已撤销')
  await revokeHonour(trx, id, caller.id, reason)
  await recordStaffAction(
    trx,
    caller,
    context,
    'honour.revoke',
    ['rider_honour', id],
    row.region_path,
    { from: row.state },
  )
}

/** The honoured rider's own, locked; revoked ones take no answer. */
async function ownHonour(trx: Db, caller: UserCaller, id: string) {
  const row = await lockHonour(trx, id)
  if (!row || row.user_id !== caller.id) throw notFound('荣誉')
  if (row.state === 'revoked') throw conflict('该荣誉已撤销')
  return row
}

/** The rider agrees to be shown, under the full name or surname + 师傅; asked again, it changes. */
export async function acceptHonour(
  trx: Db,
  caller: UserCaller,
  id: string,
  nameShown: HonourNameShown,
  context: RequestContext,
) {
  const row = await ownHonour(trx, caller, id)
  const shownName = honourShownName(row.rider_name, nameShown)
  await answerHonour(trx, id, { state: 'accepted', nameShown, shownName })
  await recordUserAction(
    trx,
    caller,
    context,
    'honour.accept',
    ['rider_honour', id],
    row.region_path,
  )
}

/** Not shown: declined while pending, or consent withdrawn once given. */
export async function declineHonour(
  trx: Db,
  caller: UserCaller,
  id: string,
  context: RequestContext,
) {
  const row = await ownHonour(trx, caller, id)
  if (row.state === 'declined') throw conflict('该荣誉已设为不公开')
  await answerHonour(trx, id, { state: 'declined' })
  const action = row.state === 'accepted' ? 'honour.withdraw' : 'honour.decline'
  await recordUserAction(trx, caller, context, action, ['rider_honour', id], row.region_path)
}

/** The public list's page cursor: the year before the queue cursor of (created_at, id). */
export function encodePublicCursor(row: { year: number; created_at: Date; id: string }) {
  return `${row.year}.${encodeCursor({ queuedAt: row.created_at, id: row.id })}`
}

export function decodePublicCursor(text: string | undefined) {
  if (text === undefined) return undefined
  const dot = text.indexOf('.')
  const year = Number(text.slice(0, dot))
  const cursor = decodeCursor(dot > 0 && Number.isInteger(year) ? text.slice(dot + 1) : '')
  return cursor && { year, at: cursor.queuedAt, id: cursor.id }
}

/** A city the public list is narrowed to: 400 naming `query.city` unless a 设区市 exists. */
export async function checkPublicCity(db: Db, code: string | undefined) {
  if (code === undefined) return
  const city = await findRegion(db, code)
  if (!city) throw invalid('query.city', '没有这个设区市代码')
  if (city.level !== 'city') throw invalid('query.city', '请选择设区市（市一级）')
}
