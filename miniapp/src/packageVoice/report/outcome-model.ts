import type { SupervisionOutcomeRequest } from '@djt/shared'

/** What the clerk found; 转办 splits into a county of the jurisdiction or an outside department. */
export type OutcomeChoice = 'upheld' | 'unfounded' | 'county' | 'department'

export const outcomeChoiceNames: Record<OutcomeChoice, string> = {
  upheld: '已核查属实并处理',
  unfounded: '不属实',
  county: '转办：本辖区其他区县',
  department: '转办：其他部门',
}

export const isOutcomeChoice = (value: string): value is OutcomeChoice =>
  value in outcomeChoiceNames

/** The sheet's words for each choice: what the note says. */
export const outcomeNoteLabel: Record<OutcomeChoice, { label: string; placeholder: string }> = {
  upheld: { label: '处理情况', placeholder: '如：已责令整改，立案调查' },
  unfounded: { label: '核查情况', placeholder: '如：到店核查，未发现所述问题' },
  county: { label: '转办说明', placeholder: '如：该店属台江区管辖' },
  department: { label: '转办说明', placeholder: '如：属卫生健康部门职责' },
}

export type OutcomeRequestOrProblem =
  | { ok: true; body: SupervisionOutcomeRequest }
  | { ok: false; message: string }

/** The request a choice sends, or what is still missing (the county, the department's name). */
export function outcomeRequestOf(
  choice: OutcomeChoice | '',
  note: string,
  target: { regionCode: string; department: string },
): OutcomeRequestOrProblem {
  if (!choice) return { ok: false, message: '请选择核查结果' }
  if (choice === 'county') {
    if (!target.regionCode) return { ok: false, message: '请选择转往的区县' }
    return { ok: true, body: { outcome: 'referred', note, toRegionCode: target.regionCode } }
  }
  if (choice === 'department') {
    const department = target.department.trim()
    if (department.length < 2) return { ok: false, message: '请填写转办部门的名称' }
    return { ok: true, body: { outcome: 'referred', note, toDepartment: department } }
  }
  return { ok: true, body: { outcome: choice, note } }
}
