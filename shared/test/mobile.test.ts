import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidMobile, Mobile, mobileProblem } from '../src/index.ts'
import { digits, mobile, nonDigit, substitute } from './arbitraries.ts'

describe('mainland mobile number', () => {
  it('accepts 13812345678', () => {
    expect(isValidMobile('13812345678')).toBe(true)
    expect(Mobile.parse('13812345678')).toBe('13812345678')
  })

  it('rejects 12 digits and numbers that do not start with 13–19', () => {
    expect(mobileProblem('138123456789')).toBe('手机号应为11位大陆手机号')
    expect(mobileProblem('1381234567')).toBe('手机号应为11位大陆手机号')
    expect(mobileProblem('23812345678')).toBe('手机号应以13至19开头')
    expect(mobileProblem('12812345678')).toBe('手机号应以13至19开头')
  })

  it('rejects empty input and non-digits', () => {
    expect(mobileProblem('')).toBe('请填写手机号')
    expect(mobileProblem('138-1234-5678')).toBe('手机号只能包含数字')
  })

  it.each([
    ' 13812345678 ',
    '+8613812345678',
    '+86 13812345678',
    '+86-13812345678',
    '8613812345678',
    '86 13812345678',
  ])('normalises %j to the bare number', (input) => {
    expect(Mobile.parse(input)).toBe('13812345678')
  })

  it('does not strip a country code other than 86', () => {
    expect(Mobile.safeParse('+85213812345678').success).toBe(false)
  })

  it('accepts generated numbers, bare or with +86', () => {
    fc.assert(
      fc.property(mobile, (number) => {
        expect(isValidMobile(number)).toBe(true)
        expect(Mobile.parse(`+86 ${number}`)).toBe(number)
      }),
    )
  })

  it('rejects a valid number with any digit replaced by a non-digit', () => {
    const broken = fc
      .tuple(mobile, fc.integer({ min: 0, max: 10 }), nonDigit)
      .map(([number, position, char]) => substitute(number, position, char))
    fc.assert(fc.property(broken, (number) => !isValidMobile(number)))
  })

  it('rejects 13… digit strings of any length but eleven', () => {
    const wrongLength = fc
      .array(fc.constantFrom(...digits), { maxLength: 20 })
      .filter((rest) => rest.length !== 9)
      .map((rest) => `13${rest.join('')}`)
    fc.assert(fc.property(wrongLength, (number) => !isValidMobile(number)))
  })
})
