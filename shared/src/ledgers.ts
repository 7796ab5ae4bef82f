import { z } from 'zod'
import { RegionCode } from './validators/regionCode.ts'

/**
 * 台账: one jurisdiction's figures. Self-reported (`reported`, waiting for review) and
 * verified figures are always separate fields, never added together.
 */
export const LedgerQuery = z.object({ region: RegionCode.optional() })

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
    }),
  ),
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

/** A child jurisdiction's headline figures, for the drill-down. */
export const LedgerChild = LedgerRegion.extend({
  members: Split,
  markets: Split,
  places: count,
  pledges: count,
})

export const Ledger = z.object({
  region: LedgerRegion,
  asOf: z.string(),
  members: MembersLedger,
  riders: RidersLedger,
  markets: MarketsLedger,
  care: CareLedger,
  pledges: PledgesLedger,
  children: z.array(LedgerChild),
})
export type Ledger = z.infer<typeof Ledger>
