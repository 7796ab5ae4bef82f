import {
  chinaYear,
  facilityNames,
  type Ledger,
  membershipKindNames,
  membershipStateNames,
  orgFormNames,
  placeKindNames,
  type Split,
  waitingStates,
} from '@djt/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { countyWorkParams, countyWorkSummary, workSummaryOf } from '../work/summary.service.ts'
import { activitiesLedger } from './activities-ledger.ts'
import {
  childRegions,
  childTallies,
  countyReads,
  jurisdictionTallies,
  oldestPending,
  type TallyRow,
} from './ledgers.repository.ts'
import { type LedgerMetric, metric } from './metrics.ts'
import { ridersLedger } from './riders-ledger.ts'

type Db = Kysely<Database>
const DAY_MS = 86_400_000
const label = (names: Record<string, string>, key: string) => names[key] ?? key

/** Lookup over one jurisdiction's tallies. */
function reader(rows: TallyRow[]) {
  const byMetric = new Map<string, TallyRow[]>()
  for (const row of rows) byMetric.set(row.metric, [...(byMetric.get(row.metric) ?? []), row])
  const of = (name: LedgerMetric) => byMetric.get(name) ?? []
  const total = (name: LedgerMetric, where: (row: TallyRow) => boolean = () => true) =>
    of(name)
      .filter(where)
      .reduce((sum, row) => sum + row.value, 0)
  const split = (name: LedgerMetric, where: (row: TallyRow) => boolean = () => true): Split => ({
    reported: total(name, (row) => row.class === 'reported' && where(row)),
    verified: total(name, (row) => row.class === 'verified' && where(row)),
  })
  const keys = (name: LedgerMetric) => [...new Set(of(name).map((row) => row.key))].sort()
  return { of, total, split, keys }
}

interface LedgerRegion {
  code: string
  name: string
  level: 'province' | 'city' | 'county'
  path: string
}

export async function buildLedger(
  db: Db,
  region: LedgerRegion,
  now: Date,
  // A period frozen after its year ended (2026-H2 on 2027-01-01) counts its own year's work.
  year = chinaYear(now),
): Promise<Ledger> {
  const { rows, oldest, children, work } = await jurisdictionReads(db, region, year)
  const t = reader(rows)
  const withOrg = (row: TallyRow) => row.key !== 'none'
  const markets = t.split(metric.marketsCount)
  const organised = t.split(metric.marketsCount, withOrg)
  const waiting = new Set<string>(waitingStates)
  const ratings = t.total(metric.pledgesRatingCount)
  return {
    region: { code: region.code, name: region.name, level: region.level },
    asOf: now.toISOString(),
    members: {
      byKind: Object.entries(membershipKindNames).map(([kind, name]) => ({
        kind,
        label: name,
        ...t.split(metric.membersKind, (row) => row.key === kind),
      })),
      byState: t.keys(metric.membersState).map((state) => ({
        state,
        label: label(membershipStateNames, state),
        count: t.total(metric.membersState, (row) => row.key === state),
      })),
      pending: {
        count: t.total(metric.membersState, (row) => waiting.has(row.key)),
        oldestDays: oldest ? Math.floor((now.getTime() - oldest.getTime()) / DAY_MS) : null,
      },
    },
    riders: ridersLedger(t),
    markets: {
      markets,
      withOrganisation: organised,
      withoutOrganisation: {
        reported: markets.reported - organised.reported,
        verified: markets.verified - organised.verified,
      },
      coverageRate: markets.verified > 0 ? organised.verified / markets.verified : null,
      stalls: t.split(metric.marketsStalls),
      memberStallOwners: t.split(metric.marketsMemberStalls),
      byOrgForm: t.keys(metric.marketsCount).map((orgForm) => ({
        orgForm,
        label: label(orgFormNames, orgForm),
        ...t.split(metric.marketsCount, (row) => row.key === orgForm),
      })),
      operatorsInMarkets: t.split(metric.operatorsInMarket),
    },
    care: {
      total: t.total(metric.careKind),
      roundTheClock: t.total(metric.careAlwaysOpen),
      byKind: t.keys(metric.careKind).map((kind) => ({
        kind,
        label: label(placeKindNames, kind),
        count: t.total(metric.careKind, (row) => row.key === kind),
        roundTheClock: t.total(metric.careAlwaysOpen, (row) => row.key === kind),
      })),
      byFacility: t.keys(metric.careFacility).map((facility) => ({
        facility,
        label: label(facilityNames, facility),
        count: t.total(metric.careFacility, (row) => row.key === facility),
      })),
    },
    pledges: {
      public: t.total(metric.pledgesPublic),
      suspended: t.total(metric.pledgesSuspended),
      averageRating:
        ratings > 0 ? Math.round((t.total(metric.pledgesRatingSum) / ratings) * 100) / 100 : null,
      ratings,
      reportsOpen: t.total(metric.pledgesReports, (row) => row.key === 'open'),
      reportsUpheld: t.total(metric.pledgesReports, (row) => row.key === 'upheld'),
      reportsDismissed: t.total(metric.pledgesReports, (row) => row.key === 'dismissed'),
      awards: t.total(metric.pledgesAwards),
    },
    activities: activitiesLedger(t, year),
    supervision: {
      year,
      reports: t.total(metric.supervisionReports, (row) => row.key === String(year)),
      upheld: t.total(metric.supervisionUpheld, (row) => row.key === String(year)),
    },
    difficulties: {
      year,
      raised: t.total(metric.difficultiesRaised, (row) => row.key === String(year)),
      answeredWithinWeek: t.total(
        metric.difficultiesAnsweredWithinWeek,
        (row) => row.key === String(year),
      ),
      solved: t.total(metric.difficultiesSolved, (row) => row.key === String(year)),
    },
    work,
    children,
  }
}

/**
 * What a ledger is made of. A county's in one statement: eleven small ones cost a county's
 * ledger more in sending and answering than in the work they do. A city's or the province's
 * side by side, and none of them holding the embedded database's one thread for long.
 */
async function jurisdictionReads(db: Db, region: LedgerRegion, year: number) {
  if (region.level === 'county') {
    const reads = await countyReads(db, region.path, countyWorkParams(year))
    const work = countyWorkSummary(region, year, reads.work)
    return { rows: reads.tallies, oldest: reads.oldest, children: [], work }
  }
  const [rows, oldest, children, work] = await Promise.all([
    jurisdictionTallies(db, region.path),
    oldestPending(db, region.path),
    childLedgers(db, region),
    workSummaryOf(db, region, year),
  ])
  return { rows, oldest, children, work }
}

async function childLedgers(db: Db, region: { code: string; path: string }) {
  const [regions, rows] = await Promise.all([
    childRegions(db, region.code),
    childTallies(db, region.path),
  ])
  return regions.map((child) => {
    const t = reader(
      rows
        .filter((row) => row.child_path === child.path)
        .map((row) => ({ metric: row.metric, key: '', class: row.class, value: row.value })),
    )
    return {
      code: child.code,
      name: child.name,
      level: child.level,
      members: t.split(metric.membersKind),
      markets: t.split(metric.marketsCount),
      places: t.total(metric.careKind),
      pledges: t.total(metric.pledgesPublic),
    }
  })
}
