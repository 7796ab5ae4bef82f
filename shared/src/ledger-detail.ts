import { z } from 'zod'
import { ActivityKind, ActivityState } from './activities.ts'
import { OrgForm, Platform } from './memberships.ts'
import { PlaceKind, PlaceStatus } from './places.ts'
import { RegionCode } from './validators/regionCode.ts'
import { WorkYear } from './work.ts'

/**
 * The records under a ledger's figures, one row each: the markets (the markets ledger per
 * market) and the stations (care stations, canteens, branches), for the drill-down below
 * the county. Paged by an opaque keyset cursor, ordered by county, then name.
 */
const page = {
  region: RegionCode.optional(),
  after: z.string().max(200, '翻页参数无效').optional(),
  limit: z.coerce
    .number({ error: '每页条数应为数字' })
    .int('每页条数应为整数')
    .min(1, '每页至少1条')
    .max(100, '每页最多100条')
    .default(50),
}

export const LedgerMarketQuery = z.object({
  ...page,
  /** yes: markets with a Party organisation of any form; no: without one (orgForm none). */
  organised: z.enum(['yes', 'no'], { error: '党组织筛选只能是 yes 或 no' }).optional(),
  orgForm: OrgForm.optional(),
})
export type LedgerMarketQuery = z.input<typeof LedgerMarketQuery>

/** One market as its opener registered it: self-reported until staff verify it. */
export const LedgerMarket = z.object({
  membershipId: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  marketName: z.string(),
  opener: z.string(),
  stalls: z.int(),
  memberStallOwners: z.int(),
  orgForm: z.string(),
  orgFormLabel: z.string(),
  orgName: z.string().nullable(),
  class: z.enum(['reported', 'verified']),
})
export type LedgerMarket = z.infer<typeof LedgerMarket>
export const LedgerMarketPage = z.object({
  items: z.array(LedgerMarket),
  next: z.string().nullable(),
  /** The list's size over all pages, the figure that opened it: on the first page only. */
  total: z.int().min(0).optional(),
})
export type LedgerMarketPage = z.infer<typeof LedgerMarketPage>

export const LedgerStationQuery = z.object({
  ...page,
  kind: PlaceKind.optional(),
  /** The ledger counts open places; without it every status is listed. */
  status: PlaceStatus.optional(),
})
export type LedgerStationQuery = z.input<typeof LedgerStationQuery>

/** One place of the care network with its own figures. */
export const LedgerStation = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  kind: PlaceKind,
  kindLabel: z.string(),
  status: PlaceStatus,
  roundTheClock: z.boolean(),
  facilities: z.array(z.string()),
  /** Confirmed and waiting check-ins (报到); branches only have them. */
  checkinsApproved: z.int(),
  checkinsPending: z.int(),
  lastCheckedOn: z.string().nullable(),
})
export type LedgerStation = z.infer<typeof LedgerStation>
export const LedgerStationPage = z.object({
  items: z.array(LedgerStation),
  next: z.string().nullable(),
  /** The list's size over all pages: on the first page only (no `after`). */
  total: z.int().min(0).optional(),
})
export type LedgerStationPage = z.infer<typeof LedgerStationPage>

/**
 * The confirmed check-ins (报到) the riders ledger counts: in the region and on the platform
 * the member was registered with when checking in, wherever the branch is.
 */
export const LedgerCheckinQuery = z.object({ ...page, platform: Platform.optional() })
export type LedgerCheckinQuery = z.input<typeof LedgerCheckinQuery>

export const LedgerCheckin = z.object({
  id: z.uuid(),
  /** Where the member was registered when checking in (the region the ledger counts it in). */
  regionCode: z.string(),
  regionName: z.string(),
  memberName: z.string(),
  platform: Platform.nullable(),
  placeId: z.uuid(),
  placeName: z.string(),
  decidedAt: z.string().nullable(),
})
export type LedgerCheckin = z.infer<typeof LedgerCheckin>
export const LedgerCheckinPage = z.object({
  items: z.array(LedgerCheckin),
  next: z.string().nullable(),
  /** The list's size over all pages: on the first page only (no `after`). */
  total: z.int().min(0).optional(),
})
export type LedgerCheckinPage = z.infer<typeof LedgerCheckinPage>

/**
 * The activities the ledger counts (组织生活): held in the region in a year (China time, of
 * the start), never the cancelled ones; `qualifying` keeps the training sessions (培训班)
 * of ≥ 30 signed-in people that count towards the work targets.
 */
export const LedgerActivityQuery = z.object({
  ...page,
  /** This year (China time) when omitted; a ledger's link always names its year. */
  year: WorkYear.optional(),
  kind: ActivityKind.optional(),
  qualifying: z.enum(['yes'], { error: '筛选只能是 yes' }).optional(),
})
export type LedgerActivityQuery = z.input<typeof LedgerActivityQuery>

export const LedgerActivity = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  kind: ActivityKind,
  kindLabel: z.string(),
  startsAt: z.string(),
  state: ActivityState,
  signedUp: z.int(),
  attended: z.int(),
})
export type LedgerActivity = z.infer<typeof LedgerActivity>
export const LedgerActivityPage = z.object({
  items: z.array(LedgerActivity),
  next: z.string().nullable(),
  /** The list's size over all pages: on the first page only (no `after`). */
  total: z.int().min(0).optional(),
})
export type LedgerActivityPage = z.infer<typeof LedgerActivityPage>

/** The active sign-ups, or the attendances (signed in), of the activities the ledger counts. */
export const LedgerActivityPeopleQuery = z.object({
  ...page,
  year: WorkYear.optional(),
  kind: ActivityKind.optional(),
  what: z
    .enum(['signups', 'attendances'], { error: '名单只能是 signups 或 attendances' })
    .default('attendances'),
})
export type LedgerActivityPeopleQuery = z.input<typeof LedgerActivityPeopleQuery>

export const LedgerActivityPerson = z.object({
  id: z.uuid(),
  /** The activity's county (where the ledger counts it). */
  regionCode: z.string(),
  regionName: z.string(),
  memberName: z.string(),
  activityId: z.uuid(),
  activityTitle: z.string(),
  kindLabel: z.string(),
  /** When they signed up, or signed in. */
  at: z.string(),
})
export type LedgerActivityPerson = z.infer<typeof LedgerActivityPerson>
export const LedgerActivityPersonPage = z.object({
  items: z.array(LedgerActivityPerson),
  next: z.string().nullable(),
  total: z.int().min(0).optional(),
})
export type LedgerActivityPersonPage = z.infer<typeof LedgerActivityPersonPage>

/**
 * The members who attended at least one of the activities the ledger counts, once per
 * county and year: a member who attended in two counties is in each county's list.
 */
export const LedgerActivityMemberQuery = z.object({
  ...page,
  year: WorkYear.optional(),
  /** `flow`: only those who attended at least once as a flow member (流动党员). */
  who: z.enum(['all', 'flow'], { error: '人员范围无效' }).optional(),
})
export type LedgerActivityMemberQuery = z.input<typeof LedgerActivityMemberQuery>

export const LedgerActivityMember = z.object({
  membershipId: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  memberName: z.string(),
  /** How many of the county's activities that year they attended. */
  attended: z.int(),
  /** How many of those as a flow member (流动党员). */
  flowAttended: z.int(),
})
export type LedgerActivityMember = z.infer<typeof LedgerActivityMember>
export const LedgerActivityMemberPage = z.object({
  items: z.array(LedgerActivityMember),
  next: z.string().nullable(),
  total: z.int().min(0).optional(),
})
export type LedgerActivityMemberPage = z.infer<typeof LedgerActivityMemberPage>
