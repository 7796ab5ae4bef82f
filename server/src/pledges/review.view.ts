import {
  CheckNotes,
  PledgeContent,
  type PledgeQueueItem,
  type RankingItem,
  type ReportQueueItem,
} from '@djt/shared'
import { toReport } from './pledge-details.ts'
import type { QueueRow, ReportQueueRow, ranking } from './review.repository.ts'

type RankingRow = Awaited<ReturnType<typeof ranking>>[number]

export function toQueueItem(row: QueueRow): PledgeQueueItem {
  const content = PledgeContent.parse(row.content)
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
    checkNotes: CheckNotes.parse(row.check_notes),
    isEdit: row.public_version_id !== null && row.public_version_id !== row.id,
  }
}

export function toReportItem(row: ReportQueueRow): ReportQueueItem {
  const content = row.content && PledgeContent.parse(row.content)
  return {
    ...toReport(row),
    pledgeId: row.pledge_id,
    code: row.code,
    displayName: content?.displayName ?? '',
    business: content?.business ?? '',
    regionName: row.region_name,
  }
}

export function toRankingItem(row: RankingRow): RankingItem {
  const content = PledgeContent.parse(row.content)
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
