/**
 * China's wall clock. China has kept one fixed offset, UTC+8 with no daylight saving,
 * since 1991, so shifting an instant by eight hours and reading its UTC fields is exact.
 * Plain arithmetic, not Intl: WeChat's engines promise no time-zone data, and the
 * server's answers must not depend on the machine's TZ.
 */

/** The IANA zone for PostgreSQL sessions and for SQL that needs China's day. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai'

const CHINA_OFFSET_MS = 8 * 3600_000

/** An instant as a Date, epoch milliseconds, or text `Date.parse` reads. */
export type Instant = Date | string | number

function epochMs(instant: Instant): number {
  if (instant instanceof Date) return instant.getTime()
  return typeof instant === 'number' ? instant : Date.parse(instant)
}

/**
 * A Date whose UTC fields read China's wall clock at `instant`: also what a spreadsheet's
 * date cell holds, since Excel dates carry no zone and exceljs writes them from UTC.
 */
export function chinaWall(instant: Instant): Date {
  const ms = epochMs(instant)
  if (Number.isNaN(ms)) throw new RangeError(`${String(instant)} is not a time`)
  return new Date(ms + CHINA_OFFSET_MS)
}

/** `2026-07-01T02:05:00Z` → `2026-07-01 10:05:00`, the whole wall clock in China. */
export function chinaDateTimeSeconds(instant: Instant): string {
  return chinaWall(instant).toISOString().slice(0, 19).replace('T', ' ')
}

/**
 * `2026-07-01T02:05:00Z` → `2026-07-01 10:05`. Text that is not a time comes back as it
 * came, so a page shows what the server sent rather than failing; a bad Date throws.
 */
export function chinaDateTime(instant: Instant): string {
  if (typeof instant === 'string' && Number.isNaN(Date.parse(instant))) return instant
  return chinaDateTimeSeconds(instant).slice(0, 16)
}

/** `2026-06-30T16:00:00Z` → `2026-07-01`: the calendar day in China. */
export function chinaDate(instant: Instant): string {
  return chinaWall(instant).toISOString().slice(0, 10)
}

/** Today in China, `YYYY-MM-DD`, wherever the machine or phone is. */
export function chinaToday(now: Instant = Date.now()): string {
  return chinaDate(now)
}

/** The calendar year in China at `instant`. */
export function chinaYear(instant: Instant = Date.now()): number {
  return chinaWall(instant).getUTCFullYear()
}

/** The calendar month in China at `instant`, 0 (January) to 11. */
export function chinaMonth(instant: Instant = Date.now()): number {
  return chinaWall(instant).getUTCMonth()
}

/** Monday-first weekday (0 = Monday … 6 = Sunday) and minute of the day (0–1439) in China. */
export interface ChinaMoment {
  weekday: number
  minute: number
}

/** Where `instant` falls in China's week: what opening hours are written against. */
export function chinaMoment(instant: Instant = Date.now()): ChinaMoment {
  const wall = chinaWall(instant)
  return {
    weekday: (wall.getUTCDay() + 6) % 7,
    minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  }
}

/** The instant China's day `year`-`month`(0–11)-`day` begins, 00:00 UTC+8. */
export function chinaMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day) - CHINA_OFFSET_MS)
}
