import { type Expression, type SqlBool, sql } from 'kysely'
import { textArray } from '../kernel/sql-arrays.ts'
import { localMoment } from './hours.ts'

/** Columns a list answer needs (PlaceSummary), selected from `places as p`. */
export const summaryColumns = [
  'p.id',
  'p.code',
  'p.name',
  'p.kind',
  'p.address',
  'p.region_code',
  'p.lat',
  'p.lng',
  'p.always_open',
  'p.hours',
  'p.facilities',
  'p.status',
  'p.phone',
] as const

/**
 * Open at `now` (Beijing time): round the clock, a range of today covering the minute,
 * or one of yesterday's ranges that runs past midnight (close_min > 1440) covering it.
 */
export function openAt(now: Date): Expression<SqlBool> {
  const { weekday, minute } = localMoment(now)
  const yesterday = (weekday + 6) % 7
  return sql<SqlBool>`(p.always_open or exists (
    select 1 from place_hours h
    where h.place_id = p.id and (
      (h.weekday = ${weekday}::int and h.open_min <= ${minute}::int and ${minute}::int < h.close_min)
      or (h.weekday = ${yesterday}::int and h.open_min <= ${minute + 1440}::int
          and ${minute + 1440}::int < h.close_min))))`
}

/** Every wanted facility present. */
export function hasFacilities(wanted: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`p.facilities @> ${textArray(wanted)}::text[]`
}
