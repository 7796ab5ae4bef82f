import { type ChinaMoment, chinaMoment, type OpeningHours, type OpeningRange } from '@djt/shared'

const DAY = 1440

export interface HoursRow {
  weekday: number
  open_min: number
  close_min: number
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** A range in minutes after its day's midnight; a close before the open runs past midnight. */
export function rangeMinutes(range: OpeningRange): { open: number; close: number } {
  const open = minutes(range.open)
  const close = minutes(range.close)
  return { open, close: close <= open ? close + DAY : close }
}

/** The place_hours rows of a week (none when round the clock: `always_open` says it). */
export function hoursRows(hours: OpeningHours): HoursRow[] {
  if (hours.always) return []
  return hours.days.flatMap((ranges, weekday) =>
    ranges.map((range) => {
      const { open, close } = rangeMinutes(range)
      return { weekday, open_min: open, close_min: close }
    }),
  )
}

// Opening hours are local to the stations, so they are read on China's clock.
const isMoment = (value: Date | ChinaMoment): value is ChinaMoment => !(value instanceof Date)

/**
 * `now` in China. A list converts once and passes the moment to every row; the shared
 * clock's fixed offset avoids an Intl formatter, which cost the nearby endpoint a tenth
 * of its CPU.
 */
export function localMoment(now: Date | ChinaMoment): ChinaMoment {
  return isMoment(now) ? now : chinaMoment(now)
}

/** Whether the place is open at `now`: today's ranges, or yesterday's running past midnight. */
export function isOpenAt(hours: OpeningHours, now: Date | ChinaMoment): boolean {
  if (hours.always) return true
  const { weekday, minute } = localMoment(now)
  // Only today's and yesterday's ranges can cover `now`: every list answer asks this per row.
  const today = hours.days[weekday] ?? []
  const yesterday = hours.days[(weekday + 6) % 7] ?? []
  return (
    today.some((range) => {
      const { open, close } = rangeMinutes(range)
      return open <= minute && minute < close
    }) ||
    yesterday.some((range) => {
      const { open, close } = rangeMinutes(range)
      return open <= minute + DAY && minute + DAY < close
    })
  )
}
