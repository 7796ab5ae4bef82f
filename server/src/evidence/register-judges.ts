// One register's word on one entry, scored field by field (linkage/, Fellegi–Sunter):
// people in the roster and the party list, businesses in the licence register. The annual
// report, found by the same USCC, says one fact (members counted, an organisation).
import type { EvidenceField, FieldComparison, LinkageLevel, RegisterEvidence } from '@djt/shared'
import type { EntryFacts } from './facts.ts'
import { compareBusiness, sameRepresentative, scoreBusiness } from './linkage/business.ts'
import { judgePerson } from './linkage/verdict.ts'
import { type LinkageContext, partyComparison, rosterComparison } from './person-comparisons.ts'
import { absent, is, registerShortNames, scored, verdict } from './verdicts.ts'

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

/**
 * Operators: business name and legal representative; market openers: the market's name;
 * each scored, with the code and the county (linkage/business.ts). A match needs the
 * probability at the threshold and, for an operator, the legal representative to be this
 * person; a code whose row names another business and another representative is a
 * contradiction (a code typed wrong, or someone else's).
 */
export function judgeBusiness(facts: EntryFacts, context: LinkageContext): RegisterEvidence {
  const row = facts.business
  if (!facts.uscc) return absent('business', '未填写统一社会信用代码')
  if (!row) return absent('business', '未找到该统一社会信用代码')
  const kind = facts.kind === 'operator' ? 'operator' : 'market_opener'
  const comparison = compareBusiness({ ...facts, kind, row })
  const score = scoreBusiness(comparison, context.weights)
  const fields: FieldComparison[] = score.fields.map((field) => ({
    field: field.field,
    result: field.weight > 0 ? 'match' : field.weight < 0 ? 'differ' : 'absent',
    level: field.level as LinkageLevel,
    weight: field.weight,
  }))
  fields.push(is('status', row.active ? 'match' : 'differ'))
  const representative = comparison.legalRepresentative
  const otherBusiness =
    comparison.name === 'different' &&
    (representative === undefined || representative.level === 'different')
  const notes: string[] = []
  let status: RegisterEvidence['status']
  if (!row.active) {
    status = 'conflict'
    notes.push(`登记状态为“${row.status}”`)
  } else if (otherBusiness && representative) {
    status = 'conflict'
    notes.push('统一社会信用代码相同，但名称、法定代表人均不同，可能填错了代码')
  } else {
    const person = representative === undefined || sameRepresentative(representative.level)
    status = score.probability >= context.weights.threshold && person ? 'match' : 'partial'
    if (otherBusiness) notes.push('统一社会信用代码相同，市场名称不同')
    if (representative && !person && representative.level !== 'missing')
      notes.push('法定代表人不是登记人本人')
  }
  const detail = [...notes, score.explanation].join('；')
  return {
    register: 'business',
    status,
    fields,
    summary: `${registerShortNames.business}：${detail}`,
    probability: score.probability,
    explanation: score.explanation,
  }
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
