// How a register's verdict on an entry is worded for the reviewer.

import {
  type EvidenceField,
  evidenceFieldName,
  type FieldComparison,
  type RegisterEvidence,
  type RegisterKind,
} from '@djt/shared'
import type { PersonVerdict } from './linkage/verdict.ts'

export const registerShortNames: Record<RegisterKind, string> = {
  platform_roster: '平台名册',
  party_list: '党员名单',
  business: '登记信息',
  annual_report: '年报',
}

export type Result = FieldComparison['result']
type Status = RegisterEvidence['status']

/** absent when either side has nothing to compare. */
export function compare(field: EvidenceField, entry: string | null, register: string | null) {
  const result: Result = !entry || !register ? 'absent' : entry === register ? 'match' : 'differ'
  return { field, result }
}

export const is = (field: EvidenceField, result: Result): FieldComparison => ({ field, result })

/** "姓名、手机号一致，党员身份不一致": what agreed and what did not. */
function describe(fields: FieldComparison[]): string {
  const named = (result: Result) =>
    fields.filter((f) => f.result === result).map((f) => evidenceFieldName(f.field))
  const parts = [
    [named('match'), '一致'],
    [named('differ'), '不一致'],
    [named('absent'), '无法比对'],
  ] as const
  return parts
    .filter(([names]) => names.length > 0)
    .map(([names, word]) => `${names.join('、')}${word}`)
    .join('，')
}

export function verdict(
  register: RegisterKind,
  status: Status,
  fields: FieldComparison[],
  note?: string,
): RegisterEvidence {
  const detail = note ?? describe(fields)
  return { register, status, fields, summary: `${registerShortNames[register]}：${detail}` }
}

export const absent = (register: RegisterKind, note: string) =>
  verdict(register, 'absent', [], note)

/** A field's weight said as the old three results: for, against, or not compared. */
const resultOf = (weight: number): Result =>
  weight > 0 ? 'match' : weight < 0 ? 'differ' : 'absent'

/**
 * A scored register: each field with its level and weight, the probability, and the
 * summary a reviewer reads — what was found, then the weights ("平台名册：姓名同音（伟/玮）…").
 */
export function scored(
  register: RegisterKind,
  status: Status,
  person: PersonVerdict,
  order: EvidenceField[],
  extra: FieldComparison | undefined,
  notes: (string | undefined)[],
): RegisterEvidence {
  const fields: FieldComparison[] = order.flatMap((name) => {
    const field = person.score.fields.find((f) => f.field === name)
    return field
      ? [{ field: name, result: resultOf(field.weight), level: field.level, weight: field.weight }]
      : []
  })
  if (extra) fields.push(extra)
  const said = notes.filter((note) => note !== undefined)
  const detail = [...said, person.explanation].join('；')
  return {
    register,
    status,
    fields,
    summary: `${registerShortNames[register]}：${detail}`,
    probability: person.score.probability,
    explanation: person.explanation,
  }
}
