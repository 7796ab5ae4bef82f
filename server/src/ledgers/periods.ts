/**
 * Half-year periods ('2026-H1', '2026-H2') in Beijing time. China has kept one fixed
 * offset (UTC+8, no daylight saving) since 1991, so plain arithmetic is exact.
 */
const BEIJING_MS = 8 * 3600_000

/** The Beijing calendar year and month (0–11) at an instant. */
function beijing(now: Date): { year: number; month: number } {
  const local = new Date(now.getTime() + BEIJING_MS)
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() }
}

/** The instant a period starts: 1-1 or 7-1 00:00 Beijing time. */
export function periodStart(period: string): Date {
  const [year, half] = period.split('-H')
  return new Date(Date.UTC(Number(year), half === '1' ? 0 : 6, 1) - BEIJING_MS)
}

/** The instant a period ends: 6-30 or 12-31 24:00 Beijing time. */
export function periodEnd(period: string): Date {
  const [year, half] = period.split('-H')
  return half === '1' ? periodStart(`${year}-H2`) : periodStart(`${Number(year) + 1}-H1`)
}

/** The most recent half-year that has ended at `now`. */
export function lastEndedPeriod(now: Date): string {
  const { year, month } = beijing(now)
  return month >= 6 ? `${year}-H1` : `${year - 1}-H2`
}

/** The year a period's work summary counts: the period's own, whenever it is frozen. */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4))
}
