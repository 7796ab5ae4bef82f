import {
  type Evidence,
  type EvidenceStrength,
  evidenceStrengthNames,
  type MembershipKind,
  type RegisterEvidence,
  type RegisterKind,
} from '@djt/shared'
import type { EntryFacts } from './facts.ts'
import {
  judgeAnnualReport,
  judgeBusiness,
  judgePartyList,
  judgeRoster,
  type LinkageContext,
} from './register-judges.ts'

export type { LinkageContext }

type Judge = (facts: EntryFacts, context: LinkageContext) => RegisterEvidence

/** The registers that can speak for each kind of entry, in the order a reviewer reads them. */
const judgesFor: Record<MembershipKind, Judge[]> = {
  rider: [judgeRoster, judgePartyList],
  operator: [judgeBusiness, judgeAnnualReport, judgePartyList],
  market_opener: [judgeBusiness, judgeAnnualReport],
}

/** Lists that name the person themselves: one match there is enough to suggest verifying. */
const personalRegisters: RegisterKind[] = ['platform_roster', 'party_list']

/**
 * An exact key agreeing: ID number, platform + rider ID, USCC. 强 needs one: names, and a
 * mobile alone (people share and change them), never suffice.
 */
const strongKey = (register: RegisterEvidence) =>
  register.fields.some(
    (f) =>
      (f.field === 'idNumber' && f.level === 'exact') ||
      // A party list row corroborated through the roster leans on the roster's key.
      ((f.field === 'riderId' || f.field === 'uscc') &&
        f.result === 'match' &&
        f.level !== 'corroborated'),
  )

/** Pure: the registers' verdicts on one entry, how strong they are together, and why. */
export function judgeEntry(
  facts: EntryFacts,
  context: LinkageContext,
  now: Date = new Date(),
): Evidence {
  const registers = judgesFor[facts.kind].map((judge) => judge(facts, context))
  const matching = registers.filter((register) => register.status === 'match')
  const { strength, suggestion } = weigh(registers, matching)
  const reason = `${registers.map((r) => r.summary).join('；')} → ${evidenceStrengthNames[strength]}`
  return {
    strength,
    matchingSources: matching.length,
    suggestion,
    reason,
    registers,
    computedAt: now.toISOString(),
    weightsVersion: context.weights.version,
  }
}

function weigh(
  registers: RegisterEvidence[],
  matching: RegisterEvidence[],
): { strength: EvidenceStrength; suggestion: Evidence['suggestion'] } {
  if (registers.some((register) => register.status === 'conflict'))
    return { strength: 'conflict', suggestion: 'ask' }
  // Each match is already above the weights' threshold with an identifier agreeing.
  if (matching.length >= 2 && matching.some(strongKey))
    return { strength: 'strong', suggestion: 'verify' }
  if (matching.length >= 2) return { strength: 'moderate', suggestion: 'verify' }
  const [only] = matching
  if (only) {
    const personal = personalRegisters.includes(only.register)
    return { strength: 'moderate', suggestion: personal ? 'verify' : 'review' }
  }
  if (registers.some((register) => register.status === 'partial'))
    return { strength: 'weak', suggestion: 'ask' }
  return { strength: 'none', suggestion: 'review' }
}
