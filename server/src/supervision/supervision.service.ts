import {
  chinaMidnight,
  chinaWall,
  SUPERVISION_REPORTS_PER_DAY,
  type SupervisionCategory,
  type SupervisionOutcome,
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
  closeReport,
  countReportedSince,
  eventsOf,
  findRegion,
  findReportInScope,
  findVerifiedRider,
  insertReport,
  insertReportPhotos,
  lockReport,
  moveReport,
  photoIdsOf,
  type SupervisionEventRow,
  type SupervisionReportRow,
} from './supervision.repository.ts'

type Db = Kysely<Database>

const invalid = (field: string, message: string) =>
  new ApiError(400, 'validation_failed', message, [{ field, message }])

/** A county that exists, named by `field` when it does not. */
async function countyOf(trx: Db, code: string, field: string) {
  const county = await findRegion(trx, code)
  if (!county) throw invalid(field, '没有这个区县代码')
  if (county.level !== 'county') throw invalid(field, '请选择到区县一级')
  return county
}

export interface NewReport {
  category: SupervisionCategory
  merchant: {
    name: string
    address: string
    regionCode: string
    location?: { lat: number; lng: number } | undefined
    creditCode?: string | undefined
  }
  text: string
  photoIds: string[]
}

/**
 * A verified member rider reports a merchant: every text through the content check, up to
 * three of their own photos, at most SUPERVISION_REPORTS_PER_DAY a China day. It goes to
 * the county of the merchant's address.
 */
export async function makeReport(
  trx: Db,
  caller: UserCaller,
  body: NewReport,
  checker: ContentChecker,
  openid: string | null,
  now: Date,
  context: RequestContext,
): Promise<string> {
  const membership = await findVerifiedRider(trx, caller.id)
  if (!membership) throw new ApiError(403, 'forbidden', '监督共治报告由已核验的党员骑手提交')
  const wall = chinaWall(now)
  const since = chinaMidnight(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())
  if ((await countReportedSince(trx, caller.id, since)) >= SUPERVISION_REPORTS_PER_DAY)
    throw new ApiError(
      429,
      'rate_limited',
      `每天最多提交${SUPERVISION_REPORTS_PER_DAY}条监督共治报告，请明天再报`,
    )
  const verdict = await checker.check(
    [
      { field: 'body.text', label: '问题描述', text: body.text },
      { field: 'body.merchant.name', label: '商家名称', text: body.merchant.name },
      { field: 'body.merchant.address', label: '商家地址', text: body.merchant.address },
    ],
    { openid, scene: 2 },
  )
  if (verdict.blocked.length > 0)
    throw new ApiError(
      400,
      'validation_failed',
      verdict.blocked[0]?.message ?? '内容未通过检查',
      verdict.blocked,
    )
  for (const [i, photoId] of body.photoIds.entries()) {
    const refusal = await ownPhotoRefusal(trx, photoId, caller.id, `第${i + 1}张照片`)
    if (refusal) throw invalid(`body.photoIds.${i}`, refusal)
  }
  const county = await countyOf(trx, body.merchant.regionCode, 'body.merchant.regionCode')
  const id = await insertReport(trx, {
    user_id: caller.id,
    membership_id: membership.id,
    region_code: county.code,
    region_path: county.path,
    category: body.category,
    merchant_name: body.merchant.name,
    merchant_address: body.merchant.address,
    credit_code: body.merchant.creditCode ?? null,
    lat: body.merchant.location?.lat ?? null,
    lng: body.merchant.location?.lng ?? null,
    text: body.text,
    outcome: null,
    outcome_note: null,
    referred_department: null,
    closed_at: null,
  })
  await insertReportPhotos(trx, id, body.photoIds)
  await addEvent(trx, { reportId: id, kind: 'reported', actorId: caller.id })
  await recordUserAction(
    trx,
    caller,
    context,
    'supervision.report',
    ['supervision_report', id],
    county.path,
  )
  return id
}

export interface OutcomeInput {
  outcome: SupervisionOutcome
  note: string
  toRegionCode?: string | undefined
  toDepartment?: string | undefined
}

/** 转办 to another county of the caller's jurisdiction: it joins that county's queue, open. */
async function forwardToCounty(
  trx: Db,
  caller: StaffCaller,
  row: { id: string; region_code: string; region_path: string },
  input: OutcomeInput & { toRegionCode: string },
  context: RequestContext,
) {
  const county = await countyOf(trx, input.toRegionCode, 'body.toRegionCode')
  if (!pathWithinScope(caller, county.path))
    throw invalid('body.toRegionCode', '只能转给本辖区内的区县')
  if (county.code === row.region_code) throw invalid('body.toRegionCode', '报告已在这个区县')
  await moveReport(trx, row.id, county)
  await addEvent(trx, {
    reportId: row.id,
    kind: 'forward',
    text: input.note,
    toRegion: county.code,
    actorId: caller.id,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    'supervision.forward',
    ['supervision_report', row.id],
    row.region_path,
    { from: row.region_code, to: county.code },
  )
}

/**
 * Staff record what they found: 已核查属实并处理 or 不属实 closes the report; 转办 to a county
 * moves it there, to an outside department closes it with the department's name.
 */
export async function recordOutcome(
  trx: Db,
  caller: StaffCaller,
  id: string,
  input: OutcomeInput,
  context: RequestContext,
) {
  if (!(await findReportInScope(trx, caller, id))) throw notFound('监督共治报告')
  const row = await lockReport(trx, id)
  if (!row) throw notFound('监督共治报告')
  if (row.state === 'closed') throw new ApiError(409, 'conflict', '报告已办结')
  if (input.outcome === 'referred' && input.toRegionCode)
    return forwardToCounty(
      trx,
      caller,
      row,
      { ...input, toRegionCode: input.toRegionCode },
      context,
    )
  const department = input.outcome === 'referred' ? (input.toDepartment ?? null) : null
  await closeReport(trx, id, { outcome: input.outcome, note: input.note, department })
  await addEvent(trx, { reportId: id, kind: 'close', text: input.note, actorId: caller.id })
  await recordStaffAction(
    trx,
    caller,
    context,
    'supervision.outcome',
    ['supervision_report', id],
    row.region_path,
    { outcome: input.outcome, ...(department ? { department } : {}) },
  )
}

/** Rows with their events and photos, each list read once. */
export async function withDetails<T>(
  db: Db,
  rows: SupervisionReportRow[],
  view: (row: SupervisionReportRow, events: SupervisionEventRow[], photos: string[]) => T,
): Promise<T[]> {
  const ids = rows.map((row) => row.id)
  const [events, photos] = await Promise.all([eventsOf(db, ids), photoIdsOf(db, ids)])
  return rows.map((row) =>
    view(
      row,
      events.filter((event) => event.report_id === row.id),
      photos.get(row.id) ?? [],
    ),
  )
}
