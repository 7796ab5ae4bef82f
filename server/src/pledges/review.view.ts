import type { PledgeContent, PledgeQueueItem, RankingItem, ReportQueueItem } from '@djt/shared'
import { toReport } from './pledge-details.ts'
import type { QueueRow, ReportQueueRow, ranking } from './review.repository.ts'

type RankingRow = Awaited<ReturnType<typeof ranking>>[number]

export function toQueueItem(row: QueueRow): PledgeQueueItem {
  const content = row.content as PledgeContent
  return {
    pledgeId: row.pledge_id,
    versionId: row.id,
    number: row.number,
    kind: row.kind,
    state: row.state,
    displayName: content.displayName,
    business: content.business,
    regionName: row.region_name,
    submittedAt: row.submitted_at.toISOString(),
    checkNotes: row.check_notes as string[],
    isEdit: row.public_version_id !== null && row.public_version_id !== row.id,
  }
}

export function toReportItem(row: ReportQueueRow): ReportQueueItem {
  const content = (row.content ?? {}) as Partial<PledgeContent>
  return {
    ...toReport(row),
    pledgeId: row.pledge_id,
    code: row.code,
    displayName: content.displayName ?? '',
    business: content.business ?? '',
    regionName: row.region_name,
  }
}

export function toRankingItem(row: RankingRow): RankingItem {
  const content = row.content as PledgeContent
  return {
    pledgeId: row.id,
    code: row.code,
    displayName: content.displayName,
    business: content.business,
    regionName: row.region_name,
    score: row.score ?? null,
    award: row.award ?? false,
    rating: {
      average: row.average === null ? null : Math.round(row.average * 10) / 10,
      count: row.count ?? 0,
    },
  }
}
