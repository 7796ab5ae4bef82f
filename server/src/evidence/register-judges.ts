// One register's word on one entry. Matching is exact after normalising both sides
// (width, spaces, case, dots in names): never fuzzy, and never across two people.
import { normalizeName, normalizeText, type RegisterEvidence } from '@djt/shared'
import type { EntryFacts } from './facts.ts'
import { absent, compare, is, verdict } from './verdicts.ts'

export function judgeRoster(facts: EntryFacts): RegisterEvidence {
  const row = facts.roster
  if (!row) return absent('platform_roster', '未找到该骑手编号')
  const name = compare('name', normalizeName(facts.name ?? ''), row.nameNorm)
  const mobile = compare('mobile', facts.mobileBi, row.mobileBi)
  const fields = [
    is('riderId', 'match'),
    name,
    mobile,
    is('isMember', row.isMember ? 'match' : 'differ'),
  ]
  if (name.result === 'differ' && mobile.result === 'differ')
    return verdict(
      'platform_roster',
      'conflict',
      fields,
      '骑手编号对应他人（姓名、手机号均不一致）',
    )
  const agreed = fields.every((field) => field.result === 'match')
  return verdict('platform_roster', agreed ? 'match' : 'partial', fields)
}

/**
 * By ID number first; else by name and mobile, but only when no ID number on either side
 * says they are two people.
 */
export function judgePartyList(facts: EntryFacts): RegisterEvidence {
  const name = normalizeName(facts.name ?? '')
  const byId = facts.partyById
  if (facts.idNumberBi && byId) {
    if (byId.nameNorm !== name)
      return verdict(
        'party_list',
        'conflict',
        [is('idNumber', 'match'), is('name', 'differ')],
        '身份证号对应他人（姓名不一致）',
      )
    const fields = [
      is('name', 'match'),
      is('idNumber', 'match'),
      compare('mobile', facts.mobileBi, byId.mobileBi),
    ]
    return verdict('party_list', 'match', fields)
  }
  const samePerson = facts.partyByMobile.find(
    (row) =>
      facts.mobileBi !== null &&
      row.mobileBi === facts.mobileBi &&
      row.nameNorm === name &&
      (!row.idNumberBi || !facts.idNumberBi),
  )
  if (!samePerson) return absent('party_list', '未找到此人')
  return verdict('party_list', 'match', [
    is('name', 'match'),
    is('mobile', 'match'),
    is('idNumber', 'absent'),
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
          compare(
            'legalRepresentative',
            normalizeName(facts.name ?? ''),
            row.legalRepresentativeNorm,
          ),
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
