import { chinaMoment, type OpeningHours, type OpeningRange } from '@djt/shared'

export const weekdayNames = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** 08:00–20:00; a close before the open runs into the next day: 22:00–次日02:00. */
export function rangeText(range: OpeningRange): string {
  const overnight = range.close < range.open
  return `${range.open}–${overnight ? '次日' : ''}${range.close}`
}

/** One day's ranges, or 休息 when there are none. */
export function dayText(ranges: readonly OpeningRange[]): string {
  return ranges.length === 0 ? '休息' : ranges.map(rangeText).join('、')
}

/** 24小时开放, 今日 08:00–20:00, or 今日休息. */
export function todayText(hours: OpeningHours, now: number = Date.now()): string {
  if (hours.always) return '24小时开放'
  const today = hours.days[chinaMoment(now).weekday] ?? []
  return today.length === 0 ? '今日休息' : `今日 ${dayText(today)}`
}

export interface WeekRow {
  day: string
  text: string
  today: boolean
}

/** The week's table, Monday first, today marked. */
export function weekRows(hours: OpeningHours, now: number = Date.now()): WeekRow[] {
  const today = chinaMoment(now).weekday
  return weekdayNames.map((day, i) => ({
    day,
    text: hours.always ? '24小时' : dayText(hours.days[i] ?? []),
    today: i === today,
  }))
}
