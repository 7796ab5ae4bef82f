import { describe, expect, test } from 'vitest'
import {
  evaluablePeriods,
  lastEndedPeriod,
  parsePeriod,
  periodEnd,
  periodEnded,
  periodEndText,
  periodLabel,
  periodOf,
  periodPattern,
  periodStart,
  periodYear,
  previousPeriod,
} from '../src/time/period.ts'

describe('half-year periods', () => {
  test('a period turns at China midnight, not UTC midnight', () => {
    expect(periodOf('2026-06-30T15:59:59Z')).toBe('2026-H1')
    expect(periodOf('2026-06-30T16:00:00Z')).toBe('2026-H2')
    expect(periodOf(new Date('2026-12-31T15:59:59Z'))).toBe('2026-H2')
    expect(periodOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-H1')
    expect(periodOf('2028-02-28T16:00:00Z')).toBe('2028-H1')
  })

  test('start and end are China midnights', () => {
    expect(periodStart('2026-H1')).toEqual(new Date('2025-12-31T16:00:00Z'))
    expect(periodStart('2026-H2')).toEqual(new Date('2026-06-30T16:00:00Z'))
    expect(periodEnd('2026-H1')).toEqual(new Date('2026-06-30T16:00:00Z'))
    expect(periodEnd('2026-H2')).toEqual(new Date('2026-12-31T16:00:00Z'))
    expect(() => periodStart('2026-H3')).toThrow(RangeError)
  })

  test('a period has ended from its end instant on', () => {
    expect(periodEnded('2026-H1', new Date('2026-06-30T15:59:59Z'))).toBe(false)
    expect(periodEnded('2026-H1', new Date('2026-06-30T16:00:00Z'))).toBe(true)
    expect(periodEnded('2026-H2', '2026-12-31T15:59:59Z')).toBe(false)
    expect(periodEnded('2026-H2', '2026-12-31T16:00:00Z')).toBe(true)
    expect(periodEnded('latest', new Date())).toBe(false)
  })

  test('the last ended period changes at the China midnight', () => {
    expect(lastEndedPeriod(new Date('2026-06-30T15:59:59.999Z'))).toBe('2025-H2')
    expect(lastEndedPeriod(new Date('2026-06-30T16:00:00Z'))).toBe('2026-H1')
    expect(lastEndedPeriod(new Date('2026-12-31T16:00:00Z'))).toBe('2026-H2')
  })

  test('previous and evaluable periods', () => {
    expect(previousPeriod('2026-H2')).toBe('2026-H1')
    expect(previousPeriod('2026-H1')).toBe('2025-H2')
    expect(previousPeriod('latest')).toBe('latest')
    expect(evaluablePeriods(new Date('2026-11-22T08:00:00Z'))).toEqual(['2026-H2', '2026-H1'])
    expect(evaluablePeriods(new Date('2026-12-31T16:00:00Z'))).toEqual(['2027-H1', '2026-H2'])
  })

  test('parsing, the API pattern and the year counted', () => {
    expect(parsePeriod('2026-H2')).toEqual({ year: 2026, half: 2 })
    expect(parsePeriod('2026-h2')).toBeUndefined()
    expect(periodPattern.test('2026-H1')).toBe(true)
    expect(periodPattern.test('1999-H1')).toBe(false)
    expect(periodYear('2026-H2')).toBe(2026)
  })

  test('labels in Chinese', () => {
    expect(periodLabel('2026-H1')).toBe('2026年上半年')
    expect(periodLabel('2026-H2')).toBe('2026年下半年')
    expect(periodLabel('latest')).toBe('latest')
    expect(periodEndText('2026-H1')).toBe('6月30日24时')
    expect(periodEndText('2026-H2')).toBe('12月31日24时')
  })
})
