import type { MembershipKind } from '@djt/shared'

/** A party list row as matching sees it: blind indexes, never the numbers themselves. */
export interface PartyListFacts {
  nameNorm: string
  idNumberBi: string | null
  mobileBi: string | null
  /** Rows of the party list with this name (up to 1,000): its term frequency. */
  nameCount: number
  /** The row's ID number against the entry's, compared by blind index only. */
  idLevel: 'exact' | 'corrected' | 'different' | 'missing'
}

/**
 * What is known about one entry and the register rows found by its keys. Mobiles and ID
 * numbers appear only as blind indexes; names as typed on the entry side (normalised by
 * the judge) and normalised on the register side (done at import).
 */
export interface EntryFacts {
  kind: MembershipKind
  name: string | null
  mobileBi: string | null
  idNumberBi: string | null
  regionCode: string | null
  uscc: string | null
  businessName: string | null
  marketName: string | null
  orgForm: string | null
  /** The roster row with the entry's platform and rider ID. */
  roster: { nameNorm: string; mobileBi: string; isMember: boolean; nameCount: number } | null
  /** Party list rows with the entry's ID number, its mobile, or an ID one slip away. */
  partyCandidates: PartyListFacts[]
  business: {
    nameNorm: string
    legalRepresentativeNorm: string
    active: boolean
    status: string
    regionCode: string
  } | null
  annualReport: { memberCount: number; hasOrganisation: boolean } | null
}
