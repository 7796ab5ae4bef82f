/**
 * Half-year periods, `2026-H1` (1-1 to 6-30) and `2026-H2` (7-1 to 12-31), counted on
 * China's calendar: ledgers are reported and pledges evaluated per period.
 */
import { chinaMidnight, chinaMonth, chinaYear, type Instant } from './china-clock.ts'

/** What the API accepts as a period (the schemas' check). */
export const periodPattern = /^20\d{2}-H[12]$/

export interface ParsedPeriod {
  year: number
  half: 1 | 2
}

/** `2026-H2` → { year: 2026, half: 2 }; undefined for anything else. */
export function parsePeriod(period: string): ParsedPeriod | undefined {
  const match = /^(\d{4})-H([12])$/.exec(period)
  if (!match) return undefined
  return { year: Number(match[1]), half: match[2] === '1' ? 1 : 2 }
}

function parsedOrThrow(period: string): ParsedPeriod {
  const parsed = parsePeriod(period)
  if (!parsed) throw new RangeError(`${JSON.stringify(period)} is not a half-year period`)
  return parsed
}

/** The half-year `instant` falls in, in China: 2026-06-30T16:00Z is already 2026-H2. */
export function periodOf(instant: Instant = Date.now()): string {
  return `${chinaYear(instant)}-H${chinaMonth(instant) < 6 ? 1 : 2}`
}

/** The half-year before `period`; anything that is not a period comes back as it came. */
export function previousPeriod(period: string): string {
  const parsed = parsePeriod(period)
  if (!parsed) return period
  return parsed.half === 2 ? `${parsed.year}-H1` : `${parsed.year - 1}-H2`
}

/** What staff may evaluate or report: this half-year and the last (usually being closed). */
export function evaluablePeriods(now: Instant = Date.now()): string[] {
  const current = periodOf(now)
  return [current, previousPeriod(current)]
}

/** The most recent half-year that has ended at `now`. */
export function lastEndedPeriod(now: Instant = Date.now()): string {
  return previousPeriod(periodOf(now))
}

/** The instant a period starts: 1-1 or 7-1 00:00 China time. */
export function periodStart(period: string): Date {
  const { year, half } = parsedOrThrow(period)
  return chinaMidnight(year, half === 1 ? 0 : 6, 1)
}

/** The instant a period ends: 6-30 or 12-31 24:00 China time. */
export function periodEnd(period: string): Date {
  const { year, half } = parsedOrThrow(period)
  return half === 1 ? chinaMidnight(year, 6, 1) : chinaMidnight(year + 1, 0, 1)
}

/** Whether `period` has ended at `now`, as the server's freeze judges it; false for a non-period. */
export function periodEnded(period: string, now: Instant = Date.now()): boolean {
  if (!parsePeriod(period)) return false
  const at = now instanceof Date ? now.getTime() : new Date(now).getTime()
  return at >= periodEnd(period).getTime()
}

/** The year a period's work summary counts: the period's own, whenever it is frozen. */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4))
}

/** `2026-H2` → 2026年下半年; anything else as it came. */
export function periodLabel(period: string): string {
  const parsed = parsePeriod(period)
  if (!parsed) return period
  return `${parsed.year}年${parsed.half === 1 ? '上' : '下'}半年`
}

/** `2026-H1` → 6月30日24时, `2026-H2` → 12月31日24时: when the server freezes the ledgers. */
export function periodEndText(period: string): string {
  return period.endsWith('-H1') ? '6月30日24时' : '12月31日24时'
}
