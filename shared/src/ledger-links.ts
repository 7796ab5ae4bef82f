import { ActivityKind } from './activities.ts'
import type { Ledger, LedgerLinks } from './ledgers.ts'
import { MembershipState, OrgForm, Platform } from './memberships.ts'
import { PlaceKind } from './places.ts'

/**
 * For each figure with records behind it, the list holding exactly those records: the
 * ledger's region (a city's or province's list covers its counties, as its figures do) and
 * the filters the server's tallies count by (server/migrations/repeatable/ledger_tallies.sql).
 * The server sends these with a live ledger and the mini-program opens them as given;
 * server/test/ledger-links.test.ts opens each through the API and holds its total to the
 * figure. Figures that are sums (stalls) or count what no list shows one by one (distinct
 * liaisons, awards over every period, operators in markets) get no link.
 */
export function ledgerLinks(ledger: Ledger): LedgerLinks {
  const region = ledger.region.code
  const links: LedgerLinks = {
    'members.pending.count': { list: 'memberships', query: { region, state: 'waiting' } },
    'markets.markets': { list: 'markets', query: { region } },
    'markets.withOrganisation': { list: 'markets', query: { region, organised: 'yes' } },
    'markets.withoutOrganisation': { list: 'markets', query: { region, organised: 'no' } },
    'care.total': { list: 'stations', query: { region, status: 'open' } },
    'pledges.public': {
      list: 'pledges',
      query: { region, state: 'approved', status: 'active' },
    },
    'pledges.reportsOpen': { list: 'pledgeReports', query: { region, state: 'open' } },
    'work.total.training.sessions': {
      list: 'trainingSessions',
      query: { region, year: ledger.work.year },
    },
  }
  const year = ledger.work.year
  if (ledger.work.total.training.activitySessions !== undefined)
    links['work.total.training.activitySessions'] = {
      list: 'activities',
      query: { region, year, kind: 'training', qualifying: 'yes' },
    }
  if (ledger.activities) addActivityLinks(links, region, ledger.activities)
  if (ledger.supervision) {
    const reportYear = ledger.supervision.year
    links['supervision.reports'] = {
      list: 'supervisionReports',
      query: { region, year: reportYear },
    }
    links['supervision.upheld'] = {
      list: 'supervisionReports',
      query: { region, year: reportYear, outcome: 'upheld' },
    }
  }
  if (ledger.difficulties) {
    const raisedIn = ledger.difficulties.year
    links['difficulties.raised'] = { list: 'difficulties', query: { region, year: raisedIn } }
    links['difficulties.answeredWithinWeek'] = {
      list: 'difficulties',
      query: { region, year: raisedIn, answered: 'within_week' },
    }
    links['difficulties.solved'] = {
      list: 'difficulties',
      query: { region, year: raisedIn, outcome: 'solved' },
    }
  }
  if (ledger.riders.sites)
    links['riders.sites.total'] = { list: 'platformSites', query: { region, status: 'active' } }
  ledger.riders.byPlatform.forEach((row, index) => {
    // Check-ins of members without a platform (not riders) count under '', a list filter can't name.
    const platform = Platform.safeParse(row.platform).data
    if (!platform) return
    links[`riders.byPlatform.${index}.joinedBranch`] = {
      list: 'checkins',
      query: { region, platform },
    }
    if (row.sites)
      links[`riders.byPlatform.${index}.sites.total`] = {
        list: 'platformSites',
        query: { region, platform, status: 'active' },
      }
  })
  ledger.members.byState.forEach((row, index) => {
    // The queue lists one state at a time (all but drafts, which the ledger never counts).
    const state = MembershipState.exclude(['draft']).safeParse(row.state).data
    if (state)
      links[`members.byState.${index}.count`] = { list: 'memberships', query: { region, state } }
  })
  ledger.markets.byOrgForm.forEach((row, index) => {
    const orgForm = OrgForm.safeParse(row.orgForm).data
    if (orgForm)
      links[`markets.byOrgForm.${index}`] = { list: 'markets', query: { region, orgForm } }
  })
  ledger.care.byKind.forEach((row, index) => {
    const kind = PlaceKind.safeParse(row.kind).data
    if (kind)
      links[`care.byKind.${index}.count`] = {
        list: 'stations',
        query: { region, kind, status: 'open' },
      }
  })
  return links
}

/** 组织生活: activities, sign-ups and attendances in all and by kind, and the members. */
function addActivityLinks(
  links: LedgerLinks,
  region: string,
  activities: NonNullable<Ledger['activities']>,
) {
  const { year } = activities
  links['activities.activities'] = { list: 'activities', query: { region, year } }
  links['activities.signups'] = {
    list: 'activityPeople',
    query: { region, year, what: 'signups' },
  }
  links['activities.attendances'] = {
    list: 'activityPeople',
    query: { region, year, what: 'attendances' },
  }
  links['activities.members'] = { list: 'activityMembers', query: { region, year } }
  if (activities.flowMembers !== undefined) {
    links['activities.flowMembers'] = {
      list: 'activityMembers',
      query: { region, year, who: 'flow' },
    }
  }
  activities.byKind.forEach((row, index) => {
    // A kind not held this year shows no rows, so opens nothing.
    const kind = ActivityKind.safeParse(row.kind).data
    if (!kind || row.activities === 0) return
    links[`activities.byKind.${index}.activities`] = {
      list: 'activities',
      query: { region, year, kind },
    }
    links[`activities.byKind.${index}.signups`] = {
      list: 'activityPeople',
      query: { region, year, kind, what: 'signups' },
    }
    links[`activities.byKind.${index}.attendances`] = {
      list: 'activityPeople',
      query: { region, year, kind, what: 'attendances' },
    }
  })
}
