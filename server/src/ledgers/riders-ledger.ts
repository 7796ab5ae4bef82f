import { type Ledger, platformNames, type SiteFigures, type Split } from '@djt/shared'
import type { TallyRow } from './ledgers.repository.ts'
import { type LedgerMetric, metric } from './metrics.ts'

/** What the riders section needs of ledgers.service's tally reader. */
interface Tallies {
  total(name: LedgerMetric, where?: (row: TallyRow) => boolean): number
  split(name: LedgerMetric, where?: (row: TallyRow) => boolean): Split
  keys(name: LedgerMetric): string[]
}

function siteFigures(t: Tallies, where?: (row: TallyRow) => boolean): SiteFigures {
  return {
    total: t.total(metric.ridersSites, where),
    organised: t.total(metric.ridersSitesOrganised, where),
    workCovered: t.total(metric.ridersSitesWorkCovered, where),
    riders: t.total(metric.ridersSiteRiders, where),
    memberRiders: t.total(metric.ridersSiteMemberRiders, where),
  }
}

/**
 * Members by platform, and each platform's local sites. A platform with sites but no rider
 * registered yet still gets its row: the keys of both metrics.
 */
export function ridersLedger(t: Tallies): Ledger['riders'] {
  const platforms = [
    ...new Set([...t.keys(metric.ridersPlatform), ...t.keys(metric.ridersSites)]),
  ].sort()
  const sites = siteFigures(t)
  return {
    byPlatform: platforms.map((platform) => {
      const mine = (row: TallyRow) => row.key === platform
      return {
        platform,
        label: platformNames[platform as keyof typeof platformNames] ?? platform,
        members: t.split(metric.ridersPlatform, mine),
        full: t.split(metric.ridersFull, mine),
        probationary: t.split(metric.ridersProbationary, mine),
        flow: t.split(metric.ridersFlow, mine),
        joinedBranch: t.total(metric.ridersJoinedBranch, mine),
        sites: siteFigures(t, mine),
      }
    }),
    members: t.split(metric.ridersPlatform),
    sites: { ...sites, coverageRate: sites.total > 0 ? sites.organised / sites.total : null },
  }
}
