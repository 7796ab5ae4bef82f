/** Evaluation periods are half-years, `2026-H1` and `2026-H2`, counted in Beijing time. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** `2026-H2` → 2026年下半年; anything else as it came. */
export function periodLabel(period: string): string {
  const match = /^(\d{4})-H([12])$/.exec(period)
  if (!match) return period
  return `${match[1]}年${match[2] === '1' ? '上' : '下'}半年`
}

/** The half-year `now` falls in. */
export function periodOf(now: Date): string {
  const beijing = new Date(now.getTime() + SHANGHAI_OFFSET_MS)
  const half = beijing.getUTCMonth() < 6 ? 1 : 2
  return `${beijing.getUTCFullYear()}-H${half}`
}

/** The half-year before `period`. */
export function previousPeriod(period: string): string {
  const match = /^(\d{4})-H([12])$/.exec(period)
  if (!match) return period
  const year = Number(match[1])
  return match[2] === '2' ? `${year}-H1` : `${year - 1}-H2`
}

/** What staff may evaluate: this half-year and the last (the one usually being closed). */
export function evaluablePeriods(now: Date): string[] {
  const current = periodOf(now)
  return [current, previousPeriod(current)]
}
