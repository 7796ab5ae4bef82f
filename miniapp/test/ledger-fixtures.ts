import type { Ledger, SiteFigures, Split } from '@djt/shared'

const split = (reported: number, verified: number): Split => ({ reported, verified })
const sites = (total: number): SiteFigures => ({
  total,
  organised: 1,
  workCovered: 1,
  riders: 40,
  memberRiders: 4,
})
const work = {
  region: { code: '350102', name: '鼓楼区', level: 'county' as const },
  training: {
    sessions: 3,
    peopleTrained: 90,
    counties: 1,
    countiesMeetingTarget: 1,
    activitySessions: 1,
    activityPeople: 31,
  },
  liaison: {
    liaisons: 2,
    liaisonsWithOrganisation: 2,
    liaisonsVisited: 1,
    organisations: 3,
    visits: 4,
  },
  guidanceStations: 1,
  committees: { cities: 0, citiesSetUp: 0, counties: 1, countiesSetUp: 1 },
}

/**
 * 鼓楼区's live ledger with a figure in every section: two platforms and the check-ins of a
 * member without one (no platform to list them by), two organisation forms, two kinds of place.
 */
export function countyLedger(): Ledger {
  const platform = (key: string, label: string) => ({
    platform: key,
    label,
    members: split(1, 2),
    full: split(1, 1),
    probationary: split(0, 1),
    flow: split(0, 1),
    joinedBranch: 1,
  })
  return {
    region: { code: '350102', name: '鼓楼区', level: 'county' },
    asOf: '2026-05-01T02:00:00.000Z',
    members: {
      byKind: [
        { kind: 'rider', label: '快递外卖骑手', ...split(2, 4) },
        { kind: 'operator', label: '个体经营户', ...split(1, 1) },
      ],
      byState: [{ state: 'submitted', label: '待核验', count: 3 }],
      pending: { count: 4, oldestDays: 2 },
    },
    riders: {
      byPlatform: [
        { ...platform('', ''), sites: sites(0) },
        { ...platform('eleme', '饿了么'), sites: sites(1) },
        { ...platform('meituan', '美团'), sites: sites(2) },
      ],
      sites: { ...sites(3), coverageRate: 1 / 3 },
    },
    markets: {
      markets: split(1, 2),
      withOrganisation: split(0, 2),
      withoutOrganisation: split(1, 0),
      coverageRate: 1,
      stalls: split(10, 200),
      memberStallOwners: split(0, 12),
      byOrgForm: [
        { orgForm: 'joint_branch', label: '联合党支部', ...split(0, 2) },
        { orgForm: 'none', label: '未建立', ...split(1, 0) },
      ],
      operatorsInMarkets: split(1, 1),
    },
    care: {
      total: 3,
      roundTheClock: 1,
      byKind: [
        { kind: 'care_station', label: '爱心驿站', count: 2, roundTheClock: 1 },
        { kind: 'flow_branch', label: '流动党员党支部', count: 1, roundTheClock: 0 },
      ],
      byFacility: [{ facility: 'water', label: '饮用水', count: 2 }],
    },
    pledges: {
      public: 2,
      suspended: 1,
      averageRating: 4.5,
      ratings: 2,
      reportsOpen: 1,
      reportsUpheld: 1,
      reportsDismissed: 0,
      awards: 1,
    },
    activities: {
      year: 2026,
      activities: 3,
      signups: 40,
      attendances: 35,
      members: 33,
      byKind: [
        { kind: 'theme_day', label: '主题党日', activities: 2, signups: 8, attendances: 4 },
        { kind: 'party_lecture', label: '党课', activities: 0, signups: 0, attendances: 0 },
        { kind: 'training', label: '培训班', activities: 1, signups: 32, attendances: 31 },
      ],
    },
    supervision: { year: 2026, reports: 4, upheld: 1 },
    work: { year: 2026, total: work, children: [] },
    children: [],
  }
}
