import { type Ledger, platformNames, type SiteFigures, type Split } from '@djt/shared'
import type { TallyRow } from './ledgers.repository.ts'

/** What the riders section needs of ledgers.service's tally reader. */
interface Tallies {
  total(metric: string, where?: (row: TallyRow) => boolean): number
  split(metric: string, where?: (row: TallyRow) => boolean): Split
  keys(metric: string): string[]
}

function siteFigures(t: Tallies, where?: (row: TallyRow) => boolean): SiteFigures {
  return {
    total: t.total('riders.sites', where),
    organised: t.total('riders.sites_organised', where),
    workCovered: t.total('riders.sites_work_covered', where),
    riders: t.total('riders.site_riders', where),
    memberRiders: t.total('riders.site_member_riders', where),
  }
}

/**
 * Members by platform, and each platform's local sites. A platform with sites but no rider
 * registered yet still gets its row: the keys of both metrics.
 */
export function ridersLedger(t: Tallies): Ledger['riders'] {
  const platforms = [...new Set([...t.keys('riders.platform'), ...t.keys('riders.sites')])].sort()
  const sites = siteFigures(t)
  return {
    byPlatform: platforms.map((platform) => {
      const mine = (row: TallyRow) => row.key === platform
      return {
        platform,
        label: platformNames[platform as keyof typeof platformNames] ?? platform,
        members: t.split('riders.platform', mine),
        full: t.split('riders.full', mine),
        probationary: t.split('riders.probationary', mine),
        flow: t.split('riders.flow', mine),
        joinedBranch: t.total('riders.joined_branch', mine),
        sites: siteFigures(t, mine),
      }
    }),
    sites: { ...sites, coverageRate: sites.total > 0 ? sites.organised / sites.total : null },
  }
}
