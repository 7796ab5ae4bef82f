// How a register's verdict on an entry is worded for the reviewer.
import type { FieldComparison, RegisterEvidence, RegisterKind } from '@djt/shared'

export const registerShortNames: Record<RegisterKind, string> = {
  platform_roster: '平台名册',
  party_list: '党员名单',
  business: '登记信息',
  annual_report: '年报',
}

const fieldNames: Record<string, string> = {
  riderId: '骑手编号',
  name: '姓名',
  mobile: '手机号',
  idNumber: '身份证号',
  isMember: '党员身份',
  uscc: '统一社会信用代码',
  businessName: '经营主体名称',
  marketName: '市场名称',
  legalRepresentative: '法定代表人',
  status: '登记状态',
  region: '行政区划',
  memberCount: '党员人数',
  hasOrganisation: '党组织建立情况',
}

export type Result = FieldComparison['result']
type Status = RegisterEvidence['status']

/** absent when either side has nothing to compare. */
export function compare(field: string, entry: string | null, register: string | null) {
  const result: Result = !entry || !register ? 'absent' : entry === register ? 'match' : 'differ'
  return { field, result }
}

export const is = (field: string, result: Result): FieldComparison => ({ field, result })

/** "姓名、手机号一致，党员身份不一致": what agreed and what did not. */
function describe(fields: FieldComparison[]): string {
  const named = (result: Result) =>
    fields.filter((f) => f.result === result).map((f) => fieldNames[f.field] ?? f.field)
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
