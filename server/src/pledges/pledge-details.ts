import {
  type MyPledge,
  membershipStateNames,
  type PledgeReport,
  type StaffPledge,
} from '@djt/shared'
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../db/schema.ts'
import { listEvaluations, listReports, ratingTotals, recentRatings } from './feedback.repository.ts'
import { listVersions, type PledgeRow } from './pledges.repository.ts'
import type { PledgeReportTable } from './pledges.table.ts'
import { isLoopbackUrl, publicUrl, toRating, toVersion, verdictOf } from './pledges.view.ts'

type Db = Kysely<Database>

export function toReport(row: Selectable<PledgeReportTable>): PledgeReport {
  return {
    id: row.id,
    at: row.at.toISOString(),
    text: row.text,
    hasPhoto: row.photo_id !== null,
    state: row.outcome ? 'handled' : 'open',
    outcome: row.outcome,
    response: row.response,
    respondedAt: row.responded_at?.toISOString() ?? null,
  }
}

/** A pledge with its versions, ratings, reports and evaluations: what its owner sees. */
export async function loadPledge(db: Db, row: PledgeRow, baseUrl: string): Promise<MyPledge> {
  const [versions, totals, ratings, reports, evaluations] = await Promise.all([
    listVersions(db, row.id),
    ratingTotals(db, [row.id]),
    recentRatings(db, row.id),
    listReports(db, row.id),
    listEvaluations(db, row.id),
  ])
  const current = versions.find((version) => version.id === row.public_version_id)
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    code: row.code,
    publicUrl: row.code ? publicUrl(baseUrl, row.code) : null,
    plaqueWarning: isLoopbackUrl(baseUrl),
    publicStatus: verdictOf(row).status,
    current: current ? toVersion(current) : null,
    versions: versions.map(toVersion),
    rating: toRating(totals.get(row.id)),
    ratings: ratings.map((rating) => ({
      score: rating.score,
      comment: rating.comment,
      at: rating.at.toISOString(),
    })),
    reports: reports.map(toReport),
    evaluations: evaluations.map((evaluation) => ({
      period: evaluation.period,
      score: evaluation.score,
      note: evaluation.note,
      award: evaluation.award,
      at: evaluation.at.toISOString(),
    })),
    suspendedReason: row.status === 'suspended' ? row.status_reason : null,
  }
}

export async function loadStaffPledge(
  db: Db,
  row: PledgeRow,
  baseUrl: string,
): Promise<StaffPledge> {
  return {
    ...(await loadPledge(db, row, baseUrl)),
    regionName: row.region_name,
    memberState: row.member_state,
    memberStateText: membershipStateNames[row.member_state],
  }
}
