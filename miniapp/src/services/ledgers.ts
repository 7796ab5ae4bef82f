import {
  Ledger,
  LedgerActivityMemberPage,
  type LedgerActivityMemberQuery,
  LedgerActivityPage,
  type LedgerActivityPeopleQuery,
  LedgerActivityPersonPage,
  type LedgerActivityQuery,
  LedgerCheckinPage,
  type LedgerCheckinQuery,
  LedgerMarketPage,
  type LedgerMarketQuery,
  LedgerReport,
  LedgerReportList,
  LedgerReportSummary,
  LedgerStationPage,
  type LedgerStationQuery,
} from '@djt/shared'
import { get, post } from './http'
import { download } from './transfer'

export type { Ledger, LedgerReport, LedgerReportSummary } from '@djt/shared'
export type ExportFormat = 'xlsx' | 'csv'
/** The body ReportDecisionRequest checks (shared exports the schema, not its type). */
export type ReportDecision = { decision: 'accept' } | { decision: 'return'; note: string }

const reportPath = (id: string) => `/ledger-reports/${encodeURIComponent(id)}`

/** The ledger of `region`, or of the caller's own region; outside the jurisdiction is 403. */
export function fetchLedger(region?: string): Promise<Ledger> {
  return get('/ledgers', Ledger, { region })
}

/** A download in the browser, WeChat's send-to-chat sheet in the mini-program. */
export function exportLedger(format: ExportFormat, region: string, name: string): Promise<void> {
  const query = `?region=${encodeURIComponent(region)}`
  return download(`/ledgers/export.${format}${query}`, `${name}.${format}`)
}

/** Freezes my region's ledger for `period`; a second one is a correction and needs `reason`. */
export function submitReport(period: string, reason?: string): Promise<LedgerReport> {
  return post('/ledger-reports', reason ? { period, reason } : { period }, LedgerReport)
}

/** Every version of my region's and the regions' under me, newest period first. */
export async function fetchReports(period?: string): Promise<LedgerReportSummary[]> {
  return (await get('/ledger-reports', LedgerReportList, { period })).items
}

export function fetchReport(id: string): Promise<LedgerReport> {
  return get(reportPath(id), LedgerReport)
}

/** The level directly above only; 409 when a newer version exists or it was decided. */
export function decideReport(id: string, decision: ReportDecision): Promise<LedgerReportSummary> {
  return post(`${reportPath(id)}/decision`, decision, LedgerReportSummary)
}

export function exportReport(format: ExportFormat, id: string, name: string): Promise<void> {
  return download(`${reportPath(id)}/export.${format}`, `${name}.${format}`)
}

export type {
  LedgerActivity,
  LedgerActivityMember,
  LedgerActivityPerson,
  LedgerCheckin,
  LedgerMarket,
  LedgerStation,
} from '@djt/shared'

/** A list's filters as a ledger link names them (region, paging aside). */
type Filters<Query> = Omit<Query, 'region' | 'after' | 'limit'>
const PAGE = 30

/** The markets under `region`, one row each (the markets ledger per market). */
export function fetchLedgerMarkets(
  region: string,
  filters: Filters<LedgerMarketQuery>,
  after?: string,
): Promise<LedgerMarketPage> {
  return get('/ledgers/markets', LedgerMarketPage, { ...filters, region, after, limit: PAGE })
}

/** The stations under `region` with their check-ins: one kind or every kind, one status or all. */
export function fetchLedgerStations(
  region: string,
  filters: Filters<LedgerStationQuery>,
  after?: string,
): Promise<LedgerStationPage> {
  return get('/ledgers/stations', LedgerStationPage, { ...filters, region, after, limit: PAGE })
}

/** The confirmed check-ins the riders ledger counts under `region`, one platform or all. */
export function fetchLedgerCheckins(
  region: string,
  filters: Filters<LedgerCheckinQuery>,
  after?: string,
): Promise<LedgerCheckinPage> {
  return get('/ledgers/checkins', LedgerCheckinPage, { ...filters, region, after, limit: PAGE })
}

/** An activity list's filters: the year as a number (the query schema coerces any input). */
type Yearly<Query> = Omit<Filters<Query>, 'year'> & { year: number }

/** The activities the ledger counts under `region` in a year (组织生活), one kind or all. */
export function fetchLedgerActivities(
  region: string,
  filters: Yearly<LedgerActivityQuery>,
  after?: string,
): Promise<LedgerActivityPage> {
  return get('/ledgers/activities', LedgerActivityPage, { ...filters, region, after, limit: PAGE })
}

/** Their sign-ups or attendances, one row each. */
export function fetchLedgerActivityPeople(
  region: string,
  filters: Yearly<LedgerActivityPeopleQuery>,
  after?: string,
): Promise<LedgerActivityPersonPage> {
  return get('/ledgers/activity-people', LedgerActivityPersonPage, {
    ...filters,
    region,
    after,
    limit: PAGE,
  })
}

/** The members who attended at least one, once per county. */
export function fetchLedgerActivityMembers(
  region: string,
  filters: Yearly<LedgerActivityMemberQuery>,
  after?: string,
): Promise<LedgerActivityMemberPage> {
  return get('/ledgers/activity-members', LedgerActivityMemberPage, {
    ...filters,
    region,
    after,
    limit: PAGE,
  })
}
