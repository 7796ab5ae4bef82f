import {
  type StaffLevel,
  staffLevelRank,
  TRAINING_TARGET_ATTENDEES,
  type TrainingSession,
  type WorkFigures,
} from '@djt/shared'

/** Station staff read; county level and above record training and liaison pairs. */
export const canRecordWork = (level: StaffLevel) => staffLevelRank[level] >= staffLevelRank.county

/** The 小个专党委 switch: a city's or county's own staff only. */
export const canRecordCommittee = (level: StaffLevel) => level === 'city' || level === 'county'

/** One line on the year's classes against the target (≥ 1 class of ≥ 30 people). */
export function trainingProgress(sessions: readonly TrainingSession[]): string {
  if (sessions.length === 0)
    return `本年度尚未举办培训班（目标：至少1期，每期不少于${TRAINING_TARGET_ATTENDEES}人）`
  const people = sessions.reduce((sum, session) => sum + session.attendees, 0)
  const met = sessions.some((session) => session.attendees >= TRAINING_TARGET_ATTENDEES)
  return `本年度已举办${sessions.length}期，培训${people}人，${met ? '已达标' : `尚无${TRAINING_TARGET_ATTENDEES}人以上的培训班`}`
}

/** The summary's liaison line: how many liaisons keep an organisation, of all. */
export function liaisonProgress(figures: WorkFigures['liaison']): string {
  const { liaisons, liaisonsWithOrganisation, organisations, visits } = figures
  return `挂钩联系人${liaisons}名，其中${liaisonsWithOrganisation}名联系了组织；联系组织${organisations}家，走访${visits}次`
}

/** The form's text for attendees as the number the contract wants (undefined when blank). */
export function attendeesNumber(text: string): number | undefined {
  const trimmed = text.trim()
  return trimmed === '' ? undefined : Number(trimmed)
}
