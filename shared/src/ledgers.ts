import { z } from 'zod'
import { StaffDifficultyQuery } from './difficulties.ts'
import {
  LedgerActivityMemberQuery,
  LedgerActivityPeopleQuery,
  LedgerActivityQuery,
  LedgerCheckinQuery,
  LedgerMarketQuery,
  LedgerStationQuery,
} from './ledger-detail.ts'
import { PlatformSiteQuery } from './platform-sites.ts'
import { PledgeQueueQuery, ReportQueueQuery } from './pledge-review.ts'
import { ReviewQuery } from './review.ts'
import { StaffSupervisionQuery } from './supervision.ts'
import { periodPattern } from './time/period.ts'
import { RegionCode } from './validators/regionCode.ts'
import { TrainingSessionQuery, WorkSummary } from './work.ts'

/** A half-year: 2026-H1 ends 6-30, 2026-H2 ends 12-31. */
export const ReportPeriod = z
  .string({ error: '请选择报告期' })
  .regex(periodPattern, '报告期应为“2026-H1”（上半年）或“2026-H2”（下半年）')

/**
 * 台账: one jurisdiction's figures. Self-reported (`reported`, waiting for review) and
 * verified figures are always separate fields, never added together.
 */
export const LedgerQuery = z.object({
  region: RegionCode.optional(),
  /** A half-year that ended: its period-end snapshot instead of the live figures. */
  period: ReportPeriod.optional(),
})

const count = z.int()
/** A figure in both columns. */
export const Split = z.object({ reported: count, verified: count })
export type Split = z.infer<typeof Split>

export const LedgerRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county']),
})
export type LedgerRegion = z.infer<typeof LedgerRegion>

export const MembersLedger = z.object({
  byKind: z.array(Split.extend({ kind: z.string(), label: z.string() })),
  byState: z.array(z.object({ state: z.string(), label: z.string(), count })),
  /** Entries waiting for review now: how many, and how many days the oldest has waited. */
  pending: z.object({ count, oldestDays: z.number().nullable() }),
})

/** A platform's active local sites (站点) and their organisation status, as staff keep them. */
export const SiteFigures = z.object({
  total: count,
  /** With a Party organisation (组织覆盖). */
  organised: count,
  /** Without one but with a 党建工作指导员 (工作覆盖). */
  workCovered: count,
  /** Riders and member riders the sites report (a site without a rider count adds 0). */
  riders: count,
  memberRiders: count,
})
export type SiteFigures = z.infer<typeof SiteFigures>

export const RidersLedger = z.object({
  byPlatform: z.array(
    z.object({
      platform: z.string(),
      label: z.string(),
      members: Split,
      full: Split,
      probationary: Split,
      flow: Split,
      /** Confirmed check-ins (报到) at a local flow-member branch. */
      joinedBranch: count,
      /** Absent from ledgers frozen before sites were kept (a report never changes). */
      sites: SiteFigures.optional(),
    }),
  ),
  /**
   * Rider members of every platform together (the headline's 骑手). Absent from ledgers
   * frozen before it was kept.
   */
  members: Split.optional(),
  /** Every platform's sites together; coverageRate = organised ÷ total, null without sites. */
  sites: SiteFigures.extend({ coverageRate: z.number().nullable() }).optional(),
})

export const MarketsLedger = z.object({
  markets: Split,
  withOrganisation: Split,
  withoutOrganisation: Split,
  /** Markets with a Party organisation ÷ all markets, verified ones only; null when none. */
  coverageRate: z.number().nullable(),
  stalls: Split,
  memberStallOwners: Split,
  byOrgForm: z.array(Split.extend({ orgForm: z.string(), label: z.string() })),
  operatorsInMarkets: Split,
})

export const CareLedger = z.object({
  total: count,
  roundTheClock: count,
  byKind: z.array(z.object({ kind: z.string(), label: z.string(), count, roundTheClock: count })),
  byFacility: z.array(z.object({ facility: z.string(), label: z.string(), count })),
})

export const PledgesLedger = z.object({
  public: count,
  suspended: count,
  averageRating: z.number().nullable(),
  ratings: count,
  reportsOpen: count,
  reportsUpheld: count,
  reportsDismissed: count,
  awards: count,
})

/**
 * 组织生活 in one year (China time, of each activity's start; the work section's year), in
 * the county of the venue: activities held (published or closed, never cancelled), their
 * active sign-ups and their attendances (the members signed in; closing freezes them).
 */
export const ActivitiesLedger = z.object({
  year: z.int(),
  activities: count,
  signups: count,
  attendances: count,
  /** Members who attended at least one, once per county: a sum over counties. */
  members: count,
  /**
   * Of those, the flow members (流动党员): at least one attendance as a flow member, by the
   * rider's own answer when they attended. Absent from ledgers frozen before it was counted.
   */
  flowMembers: count.optional(),
  byKind: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      activities: count,
      signups: count,
      attendances: count,
    }),
  ),
})
export type ActivitiesLedger = z.infer<typeof ActivitiesLedger>

/**
 * 监督共治 in one year (China time, of each report; the work section's year), in the county
 * the report lies with: reports received, and those upheld (已核查属实并处理).
 */
export const SupervisionLedger = z.object({
  year: z.int(),
  reports: count,
  upheld: count,
})
export type SupervisionLedger = z.infer<typeof SupervisionLedger>

/**
 * Riders' difficulties (诉求) raised in one year (China time), in the county each lies with
 * now: raised, answered within a week (the first reply or the close within 7 days), solved
 * (已协调解决).
 */
export const DifficultiesLedger = z.object({
  year: z.int(),
  raised: count,
  answeredWithinWeek: count,
  solved: count,
})
export type DifficultiesLedger = z.infer<typeof DifficultiesLedger>

/** A child jurisdiction's headline figures, for the drill-down. */
export const LedgerChild = LedgerRegion.extend({
  members: Split,
  markets: Split,
  places: count,
  pledges: count,
})

const paging = { after: true, limit: true } as const
/**
 * The records behind one figure: which list, and the query (region and filters, in the
 * list's own query schema) whose total is the figure. The mini-program opens exactly this.
 */
export const LedgerLink = z.discriminatedUnion('list', [
  z.object({ list: z.literal('memberships'), query: ReviewQuery.omit(paging) }),
  z.object({ list: z.literal('checkins'), query: LedgerCheckinQuery.omit(paging) }),
  z.object({ list: z.literal('platformSites'), query: PlatformSiteQuery }),
  z.object({ list: z.literal('markets'), query: LedgerMarketQuery.omit(paging) }),
  z.object({ list: z.literal('stations'), query: LedgerStationQuery.omit(paging) }),
  z.object({ list: z.literal('pledges'), query: PledgeQueueQuery.omit(paging) }),
  z.object({ list: z.literal('pledgeReports'), query: ReportQueueQuery.omit(paging) }),
  z.object({ list: z.literal('trainingSessions'), query: TrainingSessionQuery }),
  z.object({ list: z.literal('activities'), query: LedgerActivityQuery.omit(paging) }),
  z.object({ list: z.literal('activityPeople'), query: LedgerActivityPeopleQuery.omit(paging) }),
  z.object({ list: z.literal('activityMembers'), query: LedgerActivityMemberQuery.omit(paging) }),
  z.object({ list: z.literal('supervisionReports'), query: StaffSupervisionQuery.omit(paging) }),
  z.object({ list: z.literal('difficulties'), query: StaffDifficultyQuery.omit(paging) }),
])
export type LedgerLink = z.infer<typeof LedgerLink>
export type LedgerList = LedgerLink['list']

/**
 * The linked figures, keyed by where each is in the ledger (`members.pending.count`,
 * `care.byKind.2.count`; a split figure such as `markets.markets` has both columns in its
 * list, each item marked self-reported or verified). A figure without a key opens nothing.
 */
export const LedgerLinks = z.record(z.string(), LedgerLink)
export type LedgerLinks = z.infer<typeof LedgerLinks>

export const Ledger = z.object({
  region: LedgerRegion,
  asOf: z.string(),
  members: MembersLedger,
  riders: RidersLedger,
  markets: MarketsLedger,
  care: CareLedger,
  pledges: PledgesLedger,
  /** Absent from ledgers frozen before activities were counted (a report never changes). */
  activities: ActivitiesLedger.optional(),
  /** Absent from ledgers frozen before 监督共治 reports were counted. */
  supervision: SupervisionLedger.optional(),
  /** Absent from ledgers frozen before riders' difficulties were counted. */
  difficulties: DifficultiesLedger.optional(),
  /** The bureau's own work against the seeds' targets, this year. */
  work: WorkSummary,
  children: z.array(LedgerChild),
  /** Live ledgers only: a frozen one (a report, a period's snapshot) opens no records. */
  links: LedgerLinks.optional(),
})
export type Ledger = z.infer<typeof Ledger>

export const LedgerReportState = z.enum(['submitted', 'returned', 'accepted'])
export type LedgerReportState = z.infer<typeof LedgerReportState>
export const ledgerReportStateNames: Record<LedgerReportState, string> = {
  submitted: '已报送',
  returned: '已退回',
  accepted: '已接收',
}

export const ReportBasis = z.enum(['period_end', 'live'])
export type ReportBasis = z.infer<typeof ReportBasis>

/** A frozen ledger a county (or city) sent up; it never changes, a correction is a new version. */
export const LedgerReportSummary = z.object({
  id: z.uuid(),
  region: LedgerRegion,
  period: z.string(),
  version: z.int(),
  state: LedgerReportState,
  /** Why this version replaces the previous one; null for the first. */
  reason: z.string().nullable(),
  /** period_end: the figures frozen when the half-year ended; live: those at submission. */
  basis: ReportBasis,
  submittedAt: z.string(),
  submittedBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
})
export type LedgerReportSummary = z.infer<typeof LedgerReportSummary>
export const LedgerReport = LedgerReportSummary.extend({ ledger: Ledger })
export type LedgerReport = z.infer<typeof LedgerReport>

export const SubmitReportRequest = z.object({
  period: ReportPeriod,
  reason: z.string().trim().max(200, '更正原因不能超过200个字').optional(),
})
export type SubmitReportRequest = z.infer<typeof SubmitReportRequest>
export const ReportListQuery = z.object({ period: ReportPeriod.optional() })
export const LedgerReportList = z.object({ items: z.array(LedgerReportSummary) })
export const ReportDecisionRequest = z
  .object({
    decision: z.enum(['accept', 'return'], { error: '请选择接收或退回' }),
    note: z.string().trim().max(200, '意见不能超过200个字').optional(),
  })
  .refine((body) => body.decision === 'accept' || Boolean(body.note), {
    path: ['note'],
    message: '退回时请写明原因',
  })
export type ReportDecisionRequest = z.infer<typeof ReportDecisionRequest>
export const LedgerReportParams = z.object({ id: z.uuid('报告编号格式不正确') })
