import { type ActivitiesLedger, activityKindNames } from '@djt/shared'
import type { TallyRow } from './ledgers.repository.ts'
import { type LedgerMetric, metric } from './metrics.ts'

/** What the activities section needs of ledgers.service's tally reader. */
interface Tallies {
  total(name: LedgerMetric, where?: (row: TallyRow) => boolean): number
}

/**
 * 组织生活 in `year`: the tallies are keyed `year:kind` (activities, sign-ups, attendances)
 * and `year` (members), the China year of each activity's start (ledger_tallies.sql).
 */
export function activitiesLedger(t: Tallies, year: number): ActivitiesLedger {
  const ofYear = (row: TallyRow) => row.key.startsWith(`${year}:`)
  const ofKind = (kind: string) => (row: TallyRow) => row.key === `${year}:${kind}`
  return {
    year,
    activities: t.total(metric.activitiesKind, ofYear),
    signups: t.total(metric.activitiesSignups, ofYear),
    attendances: t.total(metric.activitiesAttendances, ofYear),
    members: t.total(metric.activitiesMembers, (row) => row.key === String(year)),
    flowMembers: t.total(metric.activitiesFlowMembers, (row) => row.key === String(year)),
    byKind: Object.entries(activityKindNames).map(([kind, label]) => ({
      kind,
      label,
      activities: t.total(metric.activitiesKind, ofKind(kind)),
      signups: t.total(metric.activitiesSignups, ofKind(kind)),
      attendances: t.total(metric.activitiesAttendances, ofKind(kind)),
    })),
  }
}
