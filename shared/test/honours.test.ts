import { describe, expect, it } from 'vitest'
import { honourShownName, honourYears } from '../src/honours.ts'

describe('the name 最美骑手榜 shows', () => {
  it('is the full name, or the surname and 师傅, two-character surnames kept whole', () => {
    expect(honourShownName(' 王小明 ', 'full')).toBe('王小明')
    expect(honourShownName('王小明', 'surname')).toBe('王师傅')
    expect(honourShownName('欧阳娜娜', 'surname')).toBe('欧阳师傅')
    expect(honourShownName('司马光', 'surname')).toBe('司马师傅')
    // Two characters only: 欧阳 would be the whole name, so the surname is one character.
    expect(honourShownName('欧阳', 'surname')).toBe('欧师傅')
  })

  it('names this year and the last for a nomination', () => {
    expect(honourYears(2026)).toEqual([2026, 2025])
  })
})
