import type { OpeningHours, OpeningRange } from '@djt/shared'
import dayjs, { type Dayjs } from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Opening hours are local to the stations: China keeps one time zone. */
export const PLACE_TIME_ZONE = 'Asia/Shanghai'
const CHINA_UTC_OFFSET_MINUTES = 480
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

/** Monday-first weekday (0–6) and minute of the day on Beijing time. */
export interface LocalMoment {
  weekday: number
  minute: number
}

const isLocalMoment = (value: Date | Dayjs | LocalMoment): value is LocalMoment =>
  typeof (value as LocalMoment).minute === 'number'

/**
 * `now` on Beijing time. Time-zone conversion is the costly part of a list answer, so a
 * list converts once and passes the moment to every row.
 */
export function localMoment(now: Date | Dayjs | LocalMoment): LocalMoment {
  if (isLocalMoment(now)) return now
  // Asia/Shanghai is UTC+8 all year (no daylight saving since 1991): a fixed offset gives
  // the same answer as `.tz(PLACE_TIME_ZONE)` without its Intl formatter, which cost the
  // nearby endpoint a tenth of its CPU.
  const local = dayjs(now).utcOffset(CHINA_UTC_OFFSET_MINUTES)
  return { weekday: (local.day() + 6) % 7, minute: local.hour() * 60 + local.minute() }
}

/** Whether the place is open at `now`: today's ranges, or yesterday's running past midnight. */
export function isOpenAt(hours: OpeningHours, now: Date | Dayjs | LocalMoment): boolean {
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
