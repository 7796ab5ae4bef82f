// An entry and a register row as the scorer compares them (linkage/score.ts): the roster
// row found by platform + rider ID, and a party list row with the roster chain beside it.
import type { LinkageWeights } from '@djt/shared'
import type { EntryFacts } from './facts.ts'
import { corroborationBits } from './linkage/corroborate.ts'
import { compareNames } from './linkage/names.ts'
import { type KeyLevel, type PersonComparison, scorePair } from './linkage/score.ts'

/** Register sizes and weights in force: what every scored comparison needs. */
export interface LinkageContext {
  weights: LinkageWeights
  sizes: { roster: number; party: number }
}

const keyLevel = (entry: string | null, register: string | null): KeyLevel =>
  !entry || !register ? 'missing' : entry === register ? 'exact' : 'different'

const share = (count: number, size: number) => (size > 0 && count > 0 ? count / size : null)

type RosterRow = NonNullable<EntryFacts['roster']>
type PartyRow = EntryFacts['partyCandidates'][number]

/** The entry against the roster row its platform + rider ID found. */
export const rosterComparison = (
  facts: EntryFacts,
  row: RosterRow,
  context: LinkageContext,
): PersonComparison => ({
  riderId: 'exact',
  idNumber: 'missing',
  mobile: keyLevel(facts.mobileBi, row.mobileBi),
  name: compareNames(facts.name, row.nameNorm),
  nameFrequency: share(row.nameCount, context.sizes.roster),
})

/**
 * The entry against a party list row, with the roster chain when it holds: the entry's
 * own mobile or ID number reaches the row (a colleague borrowing a rider ID, with his own
 * mobile and no ID, reaches nothing), and the roster row found by the entry's rider ID has
 * the row's mobile. The chain can only add; a row it cannot reach is scored as it is.
 */
export function partyComparison(
  facts: EntryFacts,
  row: PartyRow,
  context: LinkageContext,
): PersonComparison {
  const direct: PersonComparison = {
    riderId: 'missing',
    idNumber: row.idLevel,
    mobile: keyLevel(facts.mobileBi, row.mobileBi),
    name: compareNames(facts.name, row.nameNorm),
    nameFrequency: share(row.nameCount, context.sizes.party),
  }
  const roster = facts.roster
  const ownKey = direct.mobile === 'exact' || direct.idNumber === 'exact'
  if (!roster || !ownKey || keyLevel(roster.mobileBi, row.mobileBi) !== 'exact') return direct
  const { weights } = context
  const rosterToParty = scorePair(
    {
      riderId: 'missing',
      idNumber: 'missing',
      mobile: 'exact',
      name: compareNames(roster.nameNorm, row.nameNorm),
      nameFrequency: direct.nameFrequency,
    },
    weights,
  )
  const entryToRoster = scorePair(rosterComparison(facts, roster, context), weights)
  const bits = corroborationBits(scorePair(direct, weights), entryToRoster, rosterToParty)
  return bits > 0 ? { ...direct, riderId: 'corroborated', corroboration: bits } : direct
}
