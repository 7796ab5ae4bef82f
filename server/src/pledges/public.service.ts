import {
  MODEL_STORE_AWARD,
  PledgeContent,
  type PublicPledge,
  pledgeTitles,
  type RateRequest,
  type ReportRequest,
} from '@djt/shared'
import type { Kysely } from 'kysely'
import type { ContentChecker } from '../content-check/content-check.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { jsonArray } from '../kernel/json-array.ts'
import { PUBLIC_CHECK_STATES, photoCheckState, photoExists } from '../uploads/photos.repository.ts'
import {
  claimReportSlot,
  insertDailyRating,
  insertReport,
  listEvaluations,
  listReports,
  ratingTotals,
} from './feedback.repository.ts'
import { toReport } from './pledge-details.ts'
import { findVersion, type PledgeRow } from './pledges.repository.ts'
import { issuerOf, toRating, verdictOf } from './pledges.view.ts'

type Db = Kysely<Database>
/**
 * Reports per device (or signed-in account) and pledge, per China-local day. Ratings are
 * one a day, by the unique key of migration 0018.
 */
export const REPORTS_PER_DAY = 3

/** What a scan shows: the live status first, and the pledge as it was approved. */
export async function publicPledge(db: Db, row: PledgeRow): Promise<PublicPledge> {
  const verdict = verdictOf(row)
  const [version, totals, reports, evaluations] = await Promise.all([
    findVersion(db, row.public_version_id),
    ratingTotals(db, [row.id]),
    listReports(db, row.id),
    listEvaluations(db, row.id),
  ])
  const shown = version && PledgeContent.parse(version.content)
  // The photo's own URL serves it only on a valid pledge, and only once the image check
  // (if any) passed: the page offers it on the same terms.
  const photoState =
    verdict.status === 'valid' && shown?.photoId
      ? await photoCheckState(db, shown.photoId)
      : undefined
  return {
    code: row.code ?? '',
    ...verdict,
    title: pledgeTitles[row.kind],
    content: shown ? withoutPhoto(shown) : null,
    hasPhoto: photoState !== undefined && PUBLIC_CHECK_STATES.includes(photoState),
    issuer: issuerOf(row.region_name, row.region_parent_name),
    approvedAt: version?.decided_at?.toISOString() ?? null,
    rating: toRating(totals.get(row.id)),
    awards: evaluations
      .filter((evaluation) => evaluation.award)
      .map((evaluation) => ({ title: MODEL_STORE_AWARD, period: evaluation.period })),
    reports: reports
      .filter((report) => report.outcome)
      .map(({ photo_id: _photo, ...report }) => {
        const { hasPhoto: _hasPhoto, ...shown } = toReport({ ...report, photo_id: null })
        return shown
      }),
    openReports: reports.filter((report) => !report.outcome).length,
  }
}

/** The photo is served on its own URL (public-pledges.routes), never inside the pledge. */
function withoutPhoto({ photoId, ...content }: PledgeContent): Omit<PledgeContent, 'photoId'> {
  return content
}

/** Feedback is taken on a pledge that is shown; one that is not says why. */
function requireShown(row: PledgeRow): void {
  const verdict = verdictOf(row)
  if (verdict.status !== 'valid')
    throw new ApiError(409, 'conflict', verdict.reason ?? '该承诺不可评价')
}

export async function ratePledge(
  trx: Db,
  row: PledgeRow,
  body: RateRequest,
  device: string,
  checker: ContentChecker,
) {
  requireShown(row)
  // Stored first, so a second rating today is refused before any content check; a
  // comment refused below rolls the row back with the transaction.
  const stored = await insertDailyRating(trx, {
    pledge_id: row.id,
    score: body.score,
    comment: body.comment || null,
    device,
  })
  if (!stored) throw new ApiError(429, 'rate_limited', '你今天已经评价过这家了，明天再来吧')
  if (body.comment) {
    const verdict = await checker.check(
      [{ field: 'body.comment', label: '评价', text: body.comment }],
      { scene: 2 },
    )
    if (verdict.blocked.length > 0)
      throw new ApiError(
        400,
        'validation_failed',
        verdict.blocked[0]?.message ?? '评价内容未通过检查',
        verdict.blocked,
      )
  }
  return toRating((await ratingTotals(trx, [row.id])).get(row.id))
}

export async function reportPledge(
  trx: Db,
  row: PledgeRow,
  body: ReportRequest,
  device: string,
  checker: ContentChecker,
) {
  requireShown(row)
  if (!(await claimReportSlot(trx, row.id, device, REPORTS_PER_DAY)))
    throw new ApiError(429, 'rate_limited', '你今天对这家的举报已经够多了，我们会尽快核实')
  const verdict = await checker.check(
    [{ field: 'body.text', label: '举报内容', text: body.text }],
    { scene: 2 },
  )
  if (verdict.blocked.length > 0)
    throw new ApiError(
      400,
      'validation_failed',
      verdict.blocked[0]?.message ?? '举报内容未通过检查',
      verdict.blocked,
    )
  await refuseMissingPhoto(trx, body.photoId)
  await insertReport(trx, {
    pledge_id: row.id,
    text: body.text,
    photo_id: body.photoId ?? null,
    check_notes: jsonArray(verdict.notes),
    device,
  })
}

/** A report's photo id must name an uploaded photo (uploads unused for a day are deleted). */
async function refuseMissingPhoto(trx: Db, photoId: string | undefined): Promise<void> {
  if (!photoId) return
  if (!(await photoExists(trx, photoId)))
    throw new ApiError(400, 'validation_failed', '照片已过期，请重新上传', [
      { field: 'body.photoId', message: '照片不存在，请重新上传' },
    ])
}
