import type { ActivityRequest, CloseActivityRequest } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import { pathWithinScope } from '../auth/scope.ts'
import type { ContentChecker } from '../content-check/content-check.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import type { RequestContext } from '../regions/record-region.ts'
import { ownPhotoRefusal } from '../uploads/photo-checks.service.ts'
import {
  type ActivityColumns,
  cancelActivity,
  closeActivity,
  findActivityInScope,
  findOverlapAtPlace,
  findRegionPath,
  findVenuePlace,
  insertActivity,
  insertActivityPhotos,
  lockActivity,
  updateActivity,
} from './activities.repository.ts'
import { countActiveSignups } from './signups.repository.ts'

type Db = Kysely<Database>

export const invalid = (field: string, message: string) =>
  new ApiError(400, 'validation_failed', message, [{ field, message }])
export const conflict = (message: string) => new ApiError(409, 'conflict', message)

/** The venue's point and region: a place of the jurisdiction, or an address inside it. */
async function venueOf(trx: Db, caller: StaffCaller, venue: ActivityRequest['venue']) {
  if ('placeId' in venue) {
    const place = await findVenuePlace(trx, venue.placeId)
    if (!place) throw invalid('body.venue.placeId', '该场所不存在或已关闭')
    if (!pathWithinScope(caller, place.region_path))
      throw invalid('body.venue.placeId', '该场所不在本辖区，不能在此举办本辖区的活动')
    const { id, address, lat, lng, region_code, region_path } = place
    return { place_id: id, address, lat, lng, region_code, region_path }
  }
  const region = await findRegionPath(trx, venue.regionCode)
  if (!region) throw invalid('body.venue.regionCode', '行政区划代码不存在')
  if (!pathWithinScope(caller, region.path))
    throw invalid('body.venue.regionCode', '活动地点不在本辖区')
  return {
    place_id: null,
    address: venue.address,
    lat: venue.location.lat,
    lng: venue.location.lng,
    region_code: region.code,
    region_path: region.path,
  }
}

/** The request as columns, after the checks the schema cannot make (now, jurisdiction). */
async function activityColumns(
  trx: Db,
  caller: StaffCaller,
  body: ActivityRequest,
  now: Date,
  except: string | null,
): Promise<ActivityColumns> {
  const startsAt = new Date(body.startsAt)
  if (startsAt <= now) throw invalid('body.startsAt', '开始时间不能早于现在')
  if (body.branchId) {
    const branch = await findVenuePlace(trx, body.branchId)
    if (branch?.kind !== 'flow_branch')
      throw invalid('body.branchId', '请选择一个开放的流动党员党支部')
    if (!pathWithinScope(caller, branch.region_path))
      throw invalid('body.branchId', '该党支部不在本辖区')
  }
  const venue = await venueOf(trx, caller, body.venue)
  const endsAt = new Date(body.endsAt)
  if (venue.place_id) {
    const overlap = await findOverlapAtPlace(trx, venue.place_id, { startsAt, endsAt }, except)
    if (overlap)
      throw invalid('body.startsAt', `该场所在此时段已有活动“${overlap.title}”，请换个时间或场所`)
  }
  return {
    ...venue,
    kind: body.kind,
    title: body.title,
    starts_at: startsAt,
    ends_at: endsAt,
    capacity: body.capacity,
    audience: body.audience,
    branch_id: body.branchId ?? null,
    description: body.description || null,
  }
}

export async function publishActivity(
  trx: Db,
  caller: StaffCaller,
  body: ActivityRequest,
  now: Date,
  context: RequestContext,
): Promise<string> {
  const columns = await activityColumns(trx, caller, body, now, null)
  const id = await insertActivity(trx, columns, caller.id)
  await recordStaffAction(
    trx,
    caller,
    context,
    'activity.publish',
    ['activity', id],
    columns.region_path,
    {
      kind: body.kind,
      capacity: body.capacity,
      audience: body.audience,
    },
  )
  return id
}

/** The activity in the caller's jurisdiction, locked, still open for changes. */
export async function openActivityInScope(trx: Db, caller: StaffCaller, id: string) {
  if (!(await findActivityInScope(trx, caller, id))) throw notFound('活动')
  const row = await lockActivity(trx, id)
  if (!row) throw notFound('活动')
  if (row.state === 'cancelled') throw conflict('活动已取消')
  if (row.state === 'closed') throw conflict('活动已结束，记录已锁定')
  return row
}

export async function editActivity(
  trx: Db,
  caller: StaffCaller,
  id: string,
  body: ActivityRequest,
  now: Date,
  context: RequestContext,
): Promise<void> {
  const row = await openActivityInScope(trx, caller, id)
  if (row.starts_at <= now) throw conflict('活动已开始，不能再修改')
  const columns = await activityColumns(trx, caller, body, now, id)
  const signedUp = await countActiveSignups(trx, id)
  if (body.capacity < signedUp)
    throw invalid('body.capacity', `人数上限不能少于已报名的${signedUp}人`)
  await updateActivity(trx, id, columns)
  await recordStaffAction(
    trx,
    caller,
    context,
    'activity.update',
    ['activity', id],
    columns.region_path,
    {
      capacity: body.capacity,
      startsAt: body.startsAt,
    },
  )
}

/**
 * Cancelled with a reason: the members who signed up find it, and the reason, in their
 * own list (GET /activities/mine); the route then sends them a WeChat subscribe message
 * where a template is configured (notifications/notify.ts).
 */
export async function cancel(
  trx: Db,
  caller: StaffCaller,
  id: string,
  reason: string,
  context: RequestContext,
): Promise<void> {
  const row = await openActivityInScope(trx, caller, id)
  const signedUp = await countActiveSignups(trx, id)
  await cancelActivity(trx, id, reason)
  await recordStaffAction(
    trx,
    caller,
    context,
    'activity.cancel',
    ['activity', id],
    row.region_path,
    {
      reason,
      signedUp,
    },
  )
}

/**
 * Closed with its record (minutes through the content check, up to nine photos the
 * organiser uploaded): attendance is frozen from then on.
 */
export async function close(
  trx: Db,
  caller: StaffCaller,
  id: string,
  record: Required<CloseActivityRequest>,
  checker: ContentChecker,
  now: Date,
  context: RequestContext,
): Promise<void> {
  const { minutes, photoIds } = record
  const row = await openActivityInScope(trx, caller, id)
  if (row.starts_at > now) throw conflict('活动开始后才能结束并记录')
  const verdict = await checker.check(
    [{ field: 'body.minutes', label: '活动记录', text: minutes }],
    { openid: null, scene: 1 },
  )
  if (verdict.blocked.length > 0)
    throw new ApiError(
      400,
      'validation_failed',
      verdict.blocked[0]?.message ?? '活动记录未通过检查',
      verdict.blocked,
    )
  for (const [i, photoId] of photoIds.entries()) {
    const refusal = await ownPhotoRefusal(trx, photoId, caller.id, `第${i + 1}张照片`)
    if (refusal) throw invalid(`body.photoIds.${i}`, refusal)
  }
  await closeActivity(trx, id, minutes)
  await insertActivityPhotos(trx, { id, regionCode: row.region_code }, photoIds)
  await recordStaffAction(
    trx,
    caller,
    context,
    'activity.close',
    ['activity', id],
    row.region_path,
    {
      length: minutes.length,
      photos: photoIds.length,
    },
  )
}
