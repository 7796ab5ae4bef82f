import { describe, expect, test } from 'vitest'
import {
  CHINA_TIME_ZONE,
  chinaDate,
  chinaDateTime,
  chinaDateTimeSeconds,
  chinaMidnight,
  chinaMoment,
  chinaMonth,
  chinaToday,
  chinaYear,
} from '../src/time/china-clock.ts'

describe('China clock', () => {
  test('the last second of June 30 in China is still June 30', () => {
    const instant = '2026-06-30T15:59:59Z'
    expect(chinaDate(instant)).toBe('2026-06-30')
    expect(chinaDateTime(instant)).toBe('2026-06-30 23:59')
    expect(chinaDateTimeSeconds(instant)).toBe('2026-06-30 23:59:59')
  })

  test('16:00 UTC is midnight of the next day in China', () => {
    expect(chinaDate(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01')
    expect(chinaDateTime(Date.parse('2026-06-30T16:00:00Z'))).toBe('2026-07-01 00:00')
  })

  test('New Year comes eight hours before it does in UTC', () => {
    expect(chinaDate('2026-12-31T16:00:00Z')).toBe('2027-01-01')
    expect(chinaYear('2026-12-31T15:59:59Z')).toBe(2026)
    expect(chinaYear('2026-12-31T16:00:00Z')).toBe(2027)
    expect(chinaMonth('2026-12-31T16:00:00Z')).toBe(0)
  })

  test('a leap day exists in China and is followed by March', () => {
    expect(chinaDate('2028-02-28T16:00:00Z')).toBe('2028-02-29')
    expect(chinaDate('2028-02-29T16:00:00Z')).toBe('2028-03-01')
    expect(chinaMidnight(2028, 1, 29)).toEqual(new Date('2028-02-28T16:00:00Z'))
  })

  test('today is counted in China whatever the machine zone', () => {
    expect(chinaToday(new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23')
    expect(chinaToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  test('the week starts on Monday and minutes count from China midnight', () => {
    // 2026-11-23 is a Monday in China from 2026-11-22T16:00Z.
    expect(chinaMoment('2026-11-22T15:59:00Z')).toEqual({ weekday: 6, minute: 1439 })
    expect(chinaMoment('2026-11-22T16:00:00Z')).toEqual({ weekday: 0, minute: 0 })
    expect(chinaMoment('2026-11-25T04:00:00Z')).toEqual({ weekday: 2, minute: 720 })
  })

  test('text that is not a time is shown as it came; a bad Date is an error', () => {
    expect(chinaDateTime('not a time')).toBe('not a time')
    expect(() => chinaDate(new Date(Number.NaN))).toThrow(RangeError)
  })

  test('the zone named for the database is China’s', () => {
    expect(CHINA_TIME_ZONE).toBe('Asia/Shanghai')
  })
})
