import {
  type Evidence,
  type EvidenceStrength,
  evidenceStrengthNames,
  type MembershipKind,
  type RegisterEvidence,
  type RegisterKind,
} from '@djt/shared'
import type { EntryFacts } from './facts.ts'
import { judgeAnnualReport, judgeBusiness, judgePartyList, judgeRoster } from './register-judges.ts'

/** The registers that can speak for each kind of entry, in the order a reviewer reads them. */
const judgesFor: Record<MembershipKind, ((facts: EntryFacts) => RegisterEvidence)[]> = {
  rider: [judgeRoster, judgePartyList],
  operator: [judgeBusiness, judgeAnnualReport, judgePartyList],
  market_opener: [judgeBusiness, judgeAnnualReport],
}

/** Lists that name the person themselves: one match there is enough to suggest verifying. */
const personalRegisters: RegisterKind[] = ['platform_roster', 'party_list']

/** Pure: the registers' verdicts on one entry, how strong they are together, and why. */
export function judgeEntry(facts: EntryFacts, now: Date = new Date()): Evidence {
  const registers = judgesFor[facts.kind].map((judge) => judge(facts))
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
  }
}

function weigh(
  registers: RegisterEvidence[],
  matching: RegisterEvidence[],
): { strength: EvidenceStrength; suggestion: Evidence['suggestion'] } {
  if (registers.some((register) => register.status === 'conflict'))
    return { strength: 'conflict', suggestion: 'ask' }
  if (matching.length >= 2) return { strength: 'strong', suggestion: 'verify' }
  const [only] = matching
  if (only) {
    const personal = personalRegisters.includes(only.register)
    return { strength: 'moderate', suggestion: personal ? 'verify' : 'review' }
  }
  if (registers.some((register) => register.status === 'partial'))
    return { strength: 'weak', suggestion: 'ask' }
  return { strength: 'none', suggestion: 'review' }
}
