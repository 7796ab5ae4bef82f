import type { OpeningHours, OpeningRange } from '@djt/shared'

/** The hours editor's state: round the clock, or ranges per day (or one set for every day). */
export interface HoursDraft {
  always: boolean
  sameEveryDay: boolean
  /** Seven days, Monday first; with `sameEveryDay` only the first one counts. */
  days: OpeningRange[][]
}

const WEEK = 7
const DEFAULT_RANGE: OpeningRange = { open: '08:00', close: '20:00' }

export function newHoursDraft(): HoursDraft {
  return { always: false, sameEveryDay: true, days: week(() => [{ ...DEFAULT_RANGE }]) }
}

/** What PlaceInput.hours takes. */
export function toOpeningHours(draft: HoursDraft): OpeningHours {
  if (draft.always) return { always: true, days: week(() => []) }
  const first = draft.days[0] ?? []
  return {
    always: false,
    days: draft.sameEveryDay ? week(() => first.map((r) => ({ ...r }))) : draft.days,
  }
}

/** A stored place's hours, shown as one set when every day is the same. */
export function hoursDraftOf(hours: OpeningHours): HoursDraft {
  const first = JSON.stringify(hours.days[0] ?? [])
  const same = hours.days.every((day) => JSON.stringify(day) === first)
  return {
    always: hours.always,
    sameEveryDay: same,
    days: hours.always ? newHoursDraft().days : hours.days.map((day) => day.map((r) => ({ ...r }))),
  }
}

/** Turning "same every day" off starts each day from the shared set. */
export function setSameEveryDay(draft: HoursDraft, same: boolean): HoursDraft {
  if (same || !draft.sameEveryDay) return { ...draft, sameEveryDay: same }
  const first = draft.days[0] ?? []
  return { ...draft, sameEveryDay: false, days: week(() => first.map((r) => ({ ...r }))) }
}

export function setRange(
  draft: HoursDraft,
  day: number,
  index: number,
  change: Partial<OpeningRange>,
): HoursDraft {
  return withDay(draft, day, (ranges) =>
    ranges.map((range, i) => (i === index ? { ...range, ...change } : range)),
  )
}

export function addRange(draft: HoursDraft, day: number): HoursDraft {
  return withDay(draft, day, (ranges) => [...ranges, { ...DEFAULT_RANGE }])
}

/** Removing a day's last range leaves the day closed (休息). */
export function removeRange(draft: HoursDraft, day: number, index: number): HoursDraft {
  return withDay(draft, day, (ranges) => ranges.filter((_, i) => i !== index))
}

function withDay(
  draft: HoursDraft,
  day: number,
  change: (ranges: OpeningRange[]) => OpeningRange[],
): HoursDraft {
  return { ...draft, days: draft.days.map((ranges, i) => (i === day ? change(ranges) : ranges)) }
}

function week<T>(make: () => T): T[] {
  return Array.from({ length: WEEK }, make)
}
