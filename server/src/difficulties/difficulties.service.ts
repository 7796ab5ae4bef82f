import {
  chinaMidnight,
  chinaWall,
  DIFFICULTIES_PER_DAY,
  type DifficultyCategory,
  type DifficultyOutcome,
  type DifficultyPlace,
} from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction, recordUserAction } from '../audit/audit.repository.ts'
import type { StaffCaller, UserCaller } from '../auth/access.ts'
import { pathWithinScope } from '../auth/scope.ts'
import type { ContentChecker } from '../content-check/content-check.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import type { RequestContext } from '../regions/record-region.ts'
import { ownPhotoRefusal } from '../uploads/photo-checks.service.ts'
import {
  addEvent,
  addMeToo,
  closeDifficulty,
  countRaisedSince,
  type DifficultyEventRow,
  type DifficultyRow,
  eventsOf,
  findCounty,
  findDifficultyInScope,
  findRiderRegistration,
  insertDifficulty,
  insertDifficultyPhotos,
  lockDifficulty,
  markAnswered,
  moveDifficulty,
  photoIdsOf,
  setHelpful,
} from './difficulties.repository.ts'

type Db = Kysely<Database>

const invalid = (field: string, message: string) =>
  new ApiError(400, 'validation_failed', message, [{ field, message }])
const conflict = (message: string) => new ApiError(409, 'conflict', message)

function riderOnly(caller: UserCaller) {
  if (caller.userKind !== 'rider')
    throw new ApiError(403, 'forbidden', '诉求由骑手提交：请先在“我的”中选择身份为骑手')
}

async function refuseBlocked(
  checker: ContentChecker,
  texts: { field: string; label: string; text: string }[],
  openid: string | null,
) {
  const verdict = await checker.check(texts, { openid, scene: 2 })
  if (verdict.blocked.length > 0)
    throw new ApiError(
      400,
      'validation_failed',
      verdict.blocked[0]?.message ?? '内容未通过检查',
      verdict.blocked,
    )
}

/** The county a difficulty goes to: the chosen place's, else the rider's registration's. */
async function countyFor(trx: Db, userId: string, place: DifficultyPlace | undefined) {
  if (place) {
    const county = await findCounty(trx, place.regionCode)
    if (!county) throw invalid('body.place.regionCode', '没有这个区县代码')
    if (county.level !== 'county') throw invalid('body.place.regionCode', '请选择到区县一级')
    return { code: county.code, path: county.path, membershipId: null }
  }
  const registration = await findRiderRegistration(trx, userId)
  if (!registration?.region_code || !registration.region_path)
    throw invalid('body.place', '请在地图上选择诉求发生的地点')
  return {
    code: registration.region_code,
    path: registration.region_path,
    membershipId: registration.id,
  }
}

/**
 * A rider raises a difficulty: the text through the content check, up to three of their
 * own photos, at most DIFFICULTIES_PER_DAY a China day.
 */
export async function raiseDifficulty(
  trx: Db,
  caller: UserCaller,
  body: {
    category: DifficultyCategory
    text: string
    photoIds: string[]
    place?: DifficultyPlace | undefined
  },
  checker: ContentChecker,
  openid: string | null,
  now: Date,
  context: RequestContext,
): Promise<string> {
  riderOnly(caller)
  const wall = chinaWall(now)
  const since = chinaMidnight(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())
  if ((await countRaisedSince(trx, caller.id, since)) >= DIFFICULTIES_PER_DAY)
    throw new ApiError(
      429,
      'rate_limited',
      `每天最多提交${DIFFICULTIES_PER_DAY}条诉求；同样的问题可在附近诉求中点“我也遇到”`,
    )
  const texts = [{ field: 'body.text', label: '诉求内容', text: body.text }]
  if (body.place?.name)
    texts.push({ field: 'body.place.name', label: '地点名称', text: body.place.name })
  await refuseBlocked(checker, texts, openid)
  for (const [i, photoId] of body.photoIds.entries()) {
    const refusal = await ownPhotoRefusal(trx, photoId, caller.id, `第${i + 1}张照片`)
    if (refusal) throw invalid(`body.photoIds.${i}`, refusal)
  }
  const county = await countyFor(trx, caller.id, body.place)
  const registration = county.membershipId ?? (await findRiderRegistration(trx, caller.id))?.id
  const id = await insertDifficulty(trx, {
    user_id: caller.id,
    membership_id: registration ?? null,
    region_code: county.code,
    region_path: county.path,
    category: body.category,
    text: body.text,
    place_name: body.place?.name ?? null,
    place_address: body.place?.address ?? null,
    lat: body.place?.location.lat ?? null,
    lng: body.place?.location.lng ?? null,
    outcome: null,
    outcome_note: null,
    helpful: null,
    answered_at: null,
    closed_at: null,
  })
  await insertDifficultyPhotos(trx, id, body.photoIds)
  await addEvent(trx, { difficultyId: id, kind: 'raised', actorId: caller.id })
  await recordUserAction(trx, caller, context, 'difficulty.raise', ['difficulty', id], county.path)
  return id
}

/** Open and inside the caller's jurisdiction, locked for the change. */
async function openInScope(trx: Db, caller: StaffCaller, id: string) {
  if (!(await findDifficultyInScope(trx, caller, id))) throw notFound('诉求')
  const row = await lockDifficulty(trx, id)
  if (!row) throw notFound('诉求')
  if (row.state === 'closed') throw conflict('诉求已办结')
  return row
}

export async function replyToDifficulty(
  trx: Db,
  caller: StaffCaller,
  id: string,
  text: string,
  context: RequestContext,
) {
  const row = await openInScope(trx, caller, id)
  await addEvent(trx, { difficultyId: id, kind: 'reply', text, actorId: caller.id })
  await markAnswered(trx, id)
  await recordStaffAction(
    trx,
    caller,
    context,
    'difficulty.reply',
    ['difficulty', id],
    row.region_path,
    {
      length: text.length,
    },
  )
}

/** To another county inside the caller's jurisdiction, with a note the rider reads. */
export async function forwardDifficulty(
  trx: Db,
  caller: StaffCaller,
  id: string,
  target: { regionCode: string; note: string },
  context: RequestContext,
) {
  const row = await openInScope(trx, caller, id)
  const county = await findCounty(trx, target.regionCode)
  if (!county) throw invalid('body.regionCode', '没有这个区县代码')
  if (county.level !== 'county') throw invalid('body.regionCode', '请选择到区县一级')
  if (!pathWithinScope(caller, county.path))
    throw invalid('body.regionCode', '只能转给本辖区内的区县')
  if (county.code === row.region_code) throw invalid('body.regionCode', '诉求已在这个区县')
  await moveDifficulty(trx, id, county)
  await addEvent(trx, {
    difficultyId: id,
    kind: 'forward',
    text: target.note,
    toRegion: county.code,
    actorId: caller.id,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    'difficulty.forward',
    ['difficulty', id],
    row.region_path,
    {
      from: row.region_code,
      to: county.code,
    },
  )
}

export async function closeDifficultyWithOutcome(
  trx: Db,
  caller: StaffCaller,
  id: string,
  result: { outcome: DifficultyOutcome; note?: string | undefined },
  context: RequestContext,
) {
  const row = await openInScope(trx, caller, id)
  await closeDifficulty(trx, id, result.outcome, result.note ?? null)
  await addEvent(trx, {
    difficultyId: id,
    kind: 'close',
    text: result.note ?? null,
    actorId: caller.id,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    'difficulty.close',
    ['difficulty', id],
    row.region_path,
    {
      outcome: result.outcome,
    },
  )
}

/** The rider says whether the answers helped, once there is one; a later word replaces it. */
export async function giveFeedback(
  trx: Db,
  caller: UserCaller,
  id: string,
  helpful: boolean,
  context: RequestContext,
) {
  const row = await lockDifficulty(trx, id)
  if (!row || row.user_id !== caller.id) throw notFound('诉求')
  if (!row.answered_at) throw conflict('还没有答复，答复后可以评价')
  await setHelpful(trx, id, helpful)
  await addEvent(trx, {
    difficultyId: id,
    kind: 'feedback',
    text: helpful ? '有帮助' : '没有帮助',
    actorId: caller.id,
  })
  await recordUserAction(
    trx,
    caller,
    context,
    'difficulty.feedback',
    ['difficulty', id],
    row.region_path,
  )
}

/** 我也遇到: another rider has the same difficulty; once each, never on one's own. */
export async function addMeTooTo(
  trx: Db,
  caller: UserCaller,
  id: string,
  context: RequestContext,
): Promise<void> {
  riderOnly(caller)
  const row = await lockDifficulty(trx, id)
  if (!row) throw notFound('诉求')
  if (row.user_id === caller.id) throw conflict('这是你自己提交的诉求')
  if (row.state === 'closed') throw conflict('诉求已办结')
  if (await addMeToo(trx, id, caller.id))
    await recordUserAction(
      trx,
      caller,
      context,
      'difficulty.me_too',
      ['difficulty', id],
      row.region_path,
    )
}

/** Rows with their events and photos, each list read once. */
export async function withDetails<T>(
  db: Db,
  rows: DifficultyRow[],
  view: (row: DifficultyRow, events: DifficultyEventRow[], photos: string[]) => T,
): Promise<T[]> {
  const ids = rows.map((row) => row.id)
  const [events, photos] = await Promise.all([eventsOf(db, ids), photoIdsOf(db, ids)])
  return rows.map((row) =>
    view(
      row,
      events.filter((event) => event.difficulty_id === row.id),
      photos.get(row.id) ?? [],
    ),
  )
}
