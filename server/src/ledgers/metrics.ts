import type { MarketOpenerForm, OperatorForm, RiderForm } from '@djt/shared'

/**
 * Every tally the triggers write (server/migrations/repeatable/ledgers.sql), by the name
 * stored in ledger_tallies.metric. The TypeScript that reads tallies names them from here
 * only; test/ledger-metrics.test.ts holds this list and the SQL to the same names.
 */
export const metric = {
  membersState: 'members.state',
  membersKind: 'members.kind',
  ridersPlatform: 'riders.platform',
  ridersFull: 'riders.full',
  ridersProbationary: 'riders.probationary',
  ridersFlow: 'riders.flow',
  ridersJoinedBranch: 'riders.joined_branch',
  ridersSites: 'riders.sites',
  ridersSitesOrganised: 'riders.sites_organised',
  ridersSitesWorkCovered: 'riders.sites_work_covered',
  ridersSiteRiders: 'riders.site_riders',
  ridersSiteMemberRiders: 'riders.site_member_riders',
  operatorsInMarket: 'operators.in_market',
  marketsCount: 'markets.count',
  marketsStalls: 'markets.stalls',
  marketsMemberStalls: 'markets.member_stalls',
  careKind: 'care.kind',
  careAlwaysOpen: 'care.always_open',
  careFacility: 'care.facility',
  pledgesPublic: 'pledges.public',
  pledgesSuspended: 'pledges.suspended',
  pledgesRatingSum: 'pledges.rating_sum',
  pledgesRatingCount: 'pledges.rating_count',
  pledgesReports: 'pledges.reports',
  pledgesAwards: 'pledges.awards',
  /** Activities held (not cancelled), key `year:kind` (China year of the start). */
  activitiesKind: 'activities.kind',
  activitiesSignups: 'activities.signups',
  activitiesAttendances: 'activities.attendances',
  /** Distinct members with an attendance in the county, key `year`. */
  activitiesMembers: 'activities.members',
  /** Of those, the members who attended at least once as a flow member, key `year`. */
  activitiesFlowMembers: 'activities.flow_members',
  /** Training sessions (培训班) of ≥ 30 signed-in people and those people, key `year`. */
  activitiesTraining: 'activities.training',
  activitiesTrained: 'activities.trained',
  /** 监督共治 reports received and upheld (已核查属实并处理), key `year` (China year made). */
  supervisionReports: 'supervision.reports',
  supervisionUpheld: 'supervision.upheld',
  /** Riders' difficulties, key `year` (China year raised), in the county each lies with now. */
  difficultiesRaised: 'difficulties.raised',
  difficultiesAnsweredWithinWeek: 'difficulties.answered_within_week',
  difficultiesSolved: 'difficulties.solved',
} as const
export type LedgerMetric = (typeof metric)[keyof typeof metric]

interface Forms {
  rider: RiderForm
  operator: OperatorForm
  market_opener: MarketOpenerForm
}
/** Answers of one kind of membership form (shared/src/memberships.ts), by their keys. */
export type FormReads = {
  [Kind in keyof Forms]: { kind: Kind; keys: readonly (keyof Forms[Kind] & string)[] }
}[keyof Forms]

/**
 * The form answers (`m.form->>'key'`) each metric counts: a key renamed in the shared
 * form schema fails to compile here and fails the test against the SQL, instead of
 * silently counting nothing.
 */
export const metricFormReads = {
  [metric.ridersFull]: { kind: 'rider', keys: ['memberType'] },
  [metric.ridersProbationary]: { kind: 'rider', keys: ['memberType'] },
  [metric.ridersFlow]: { kind: 'rider', keys: ['flowMember'] },
  [metric.activitiesFlowMembers]: { kind: 'rider', keys: ['flowMember'] },
  [metric.operatorsInMarket]: { kind: 'operator', keys: ['inMarket'] },
  [metric.marketsCount]: { kind: 'market_opener', keys: ['orgForm'] },
  [metric.marketsStalls]: { kind: 'market_opener', keys: ['stallCount'] },
  [metric.marketsMemberStalls]: { kind: 'market_opener', keys: ['memberStallOwnerCount'] },
} as const satisfies Partial<Record<LedgerMetric, FormReads>>

/**
 * Columns a trigger fills from the form when the row is inserted (`new.column := …
 * form->>'key' …`), and the metric that counts through each: such a read belongs to it.
 */
export const columnFormReads = {
  flow_member: metric.activitiesFlowMembers,
} as const satisfies Record<string, LedgerMetric>
