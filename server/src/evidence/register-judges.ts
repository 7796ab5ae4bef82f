// One register's word on one entry. People (roster, party list) are scored field by field
// (linkage/, Fellegi–Sunter); businesses are found by their USCC and compared as before.
import { type EvidenceField, normalizeText, type RegisterEvidence } from '@djt/shared'
import type { EntryFacts } from './facts.ts'
import { compareNames } from './linkage/names.ts'
import { judgePerson } from './linkage/verdict.ts'
import { type LinkageContext, partyComparison, rosterComparison } from './person-comparisons.ts'
import { absent, compare, is, scored, verdict } from './verdicts.ts'

export type { LinkageContext }

/** The roster row with the entry's platform and rider ID, scored on name and mobile. */
export function judgeRoster(facts: EntryFacts, context: LinkageContext): RegisterEvidence {
  const row = facts.roster
  if (!row) return absent('platform_roster', '未找到该骑手编号')
  const verdict = judgePerson(rosterComparison(facts, row, context), context.weights)
  // The roster knows the person but says he is no member: agreement, not proof.
  const status = verdict.status === 'match' && !row.isMember ? 'partial' : verdict.status
  const member = is('isMember', row.isMember ? 'match' : 'differ')
  const notes = [verdict.note, row.isMember ? undefined : '名册记载为非党员']
  return scored('platform_roster', status, verdict, ['riderId', 'name', 'mobile'], member, notes)
}

/**
 * The row with the entry's ID number speaks first; else the likeliest row found by mobile
 * or by an ID one slip away. A row found by mobile that is plainly someone else (a
 * relative on the same phone) is no record of this person.
 */
export function judgePartyList(facts: EntryFacts, context: LinkageContext): RegisterEvidence {
  const verdicts = facts.partyCandidates.map((row) => ({
    row,
    verdict: judgePerson(partyComparison(facts, row, context), context.weights),
  }))
  const best =
    verdicts.find(({ row }) => row.idLevel === 'exact') ??
    verdicts.toSorted((a, b) => b.verdict.score.bits - a.verdict.score.bits)[0]
  if (!best || (best.verdict.status === 'partial' && best.verdict.score.probability < 0.5))
    return absent('party_list', '未找到此人')
  const { verdict } = best
  const chained = verdict.score.fields.some((f) => f.level === 'corroborated')
  const order: EvidenceField[] = [
    'name',
    'idNumber',
    'mobile',
    ...(chained ? ['riderId' as const] : []),
  ]
  return scored('party_list', verdict.status, verdict, order, undefined, [
    verdict.note,
    chained ? '平台名册中该骑手编号的记录与名单此人手机号一致' : undefined,
  ])
}

/** Operators: business name and legal representative; market openers: the market's name. */
export function judgeBusiness(facts: EntryFacts): RegisterEvidence {
  const row = facts.business
  if (!facts.uscc) return absent('business', '未填写统一社会信用代码')
  if (!row) return absent('business', '未找到该统一社会信用代码')
  const names =
    facts.kind === 'operator'
      ? [
          compare('businessName', normalizeText(facts.businessName ?? ''), row.nameNorm),
          legalRepresentative(facts.name, row.legalRepresentativeNorm),
        ]
      : [compare('marketName', normalizeText(facts.marketName ?? ''), row.nameNorm)]
  const fields = [
    is('uscc', 'match'),
    ...names,
    is('status', row.active ? 'match' : 'differ'),
    compare('region', facts.regionCode, row.regionCode),
  ]
  if (!row.active) return verdict('business', 'conflict', fields, `登记状态为“${row.status}”`)
  const agreed = names.every((field) => field.result === 'match')
  return verdict('business', agreed ? 'match' : 'partial', fields)
}

/** Operators: the report counts members; market openers: it says whether an organisation exists. */
export function judgeAnnualReport(facts: EntryFacts): RegisterEvidence {
  const row = facts.annualReport
  if (!facts.uscc) return absent('annual_report', '未填写统一社会信用代码')
  if (!row) return absent('annual_report', '未找到该统一社会信用代码的年报')
  const field =
    facts.kind === 'operator'
      ? is('memberCount', row.memberCount >= 1 ? 'match' : 'differ')
      : is(
          'hasOrganisation',
          row.hasOrganisation === (facts.orgForm !== 'none') ? 'match' : 'differ',
        )
  const fields = [is('uscc', 'match'), field]
  if (field.result === 'match') return verdict('annual_report', 'match', fields)
  const note = facts.kind === 'operator' ? '年报党员人数为0' : undefined
  return verdict('annual_report', 'partial', fields, note)
}

/** The same person written another way (繁简, 同音) is still the legal representative. */
function legalRepresentative(entry: string | null, register: string) {
  const level = compareNames(entry, register).level
  if (level === 'missing') return is('legalRepresentative', 'absent')
  const same = level === 'exact' || level === 'normalised' || level === 'homophone'
  return { ...is('legalRepresentative', same ? 'match' : 'differ'), level }
}
