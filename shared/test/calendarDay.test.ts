import { describe, expect, it } from 'vitest'
import { isCalendarDay, pastDate } from '../src/memberships.ts'

describe('isCalendarDay', () => {
  it('takes the days that exist, leap days included', () => {
    for (const day of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31', '1921-07-01'])
      expect(isCalendarDay(day), day).toBe(true)
  })
  it('refuses days Date.parse rolls over and ones that are not dates', () => {
    for (const day of [
      '2026-02-30',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
    ])
      expect(isCalendarDay(day), day).toBe(false)
  })
  it('makes pastDate refuse 30 February with a message naming the field', () => {
    const result = pastDate('走访日期').safeParse('2026-02-30')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('走访日期不是有效日期')
  })
})
