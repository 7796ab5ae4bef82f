import { describe, expect, it } from 'vitest'
import { isCalendarDay, isStorableText, pastDate, text } from '../src/memberships.ts'

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

describe('text fields keep only what the database can store', () => {
  it('refuses a NUL or half a surrogate pair, naming the field', () => {
    for (const value of ['王\u0000小明', 'a\ud800', '\udc00b']) {
      const result = text('姓名', 20).safeParse(value)
      expect(result.success, JSON.stringify(value)).toBe(false)
      expect(result.error?.issues[0]?.message).toBe('姓名含有无法保存的字符，请删除后重试')
    }
  })
  it('takes emoji and every script as typed', () => {
    for (const value of ['王小明', '👨‍👩‍👧 家', 'Ünïcødé', '𠀀字'])
      expect(isStorableText(value)).toBe(true)
  })
})
