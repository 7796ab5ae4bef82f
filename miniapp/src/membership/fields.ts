import type { MembershipKind } from '@djt/shared'

const person = ['name', 'mobile', 'idNumber']
const party = ['orgName', 'orgRegionCode', 'memberType', 'joinedOn', 'flowMember']

/**
 * Each kind's fields in on-screen order, on the register page and the staff detail alike:
 * a failed submit scrolls to the first error in this order.
 */
export const fieldOrder: Record<MembershipKind, readonly string[]> = {
  rider: [
    ...person,
    ...['platform', 'platformOther', 'riderId', 'deliveryStation', 'workRegionCode'],
    ...party,
    'wantsLocalBranch',
  ],
  operator: [
    ...person,
    ...['businessName', 'uscc', 'businessKind', 'inMarket', 'marketName', 'stallNo'],
    'workRegionCode',
    ...party,
    'wantsLocalBranch',
  ],
  market_opener: [
    ...['contactName', 'mobile', 'marketName', 'uscc', 'address', 'regionCode', 'location'],
    ...['stallCount', 'memberStallOwnerCount', 'orgForm', 'orgName'],
  ],
}

/** Fields holding a GB/T 2260 code, shown by name. */
export const regionFields: ReadonlySet<string> = new Set([
  'workRegionCode',
  'orgRegionCode',
  'regionCode',
])

/** Shown only masked, with a 查看 that is logged. */
export const sensitiveFields = ['mobile', 'idNumber'] as const
export type SensitiveField = (typeof sensitiveFields)[number]
