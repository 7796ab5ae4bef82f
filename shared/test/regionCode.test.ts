import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isValidRegionCode,
  parentRegionCodes,
  RegionCode,
  regionCodeProblem,
  regionLevel,
  regionPath,
} from '../src/index.ts'
import { digits, nonDigit, provincePrefixes, regionCode, substitute } from './arbitraries.ts'

describe('region code (GB/T 2260)', () => {
  it('places 福建省, 福州市 and 鼓楼区 at their levels and paths', () => {
    expect(regionLevel('350000')).toBe('province')
    expect(regionLevel('350100')).toBe('city')
    expect(regionLevel('350102')).toBe('county')
    expect(parentRegionCodes('350000')).toEqual([])
    expect(parentRegionCodes('350100')).toEqual(['350000'])
    expect(parentRegionCodes('350102')).toEqual(['350000', '350100'])
    expect(regionPath('350000')).toBe('350000')
    expect(regionPath('350100')).toBe('350000.350100')
    expect(regionPath('350102')).toBe('350000.350100.350102')
  })

  it('accepts every province prefix, including 台湾, 香港 and 澳门', () => {
    for (const prefix of provincePrefixes) expect(isValidRegionCode(`${prefix}0000`)).toBe(true)
    expect(isValidRegionCode('810000')).toBe(true)
  })

  it.each([
    '100000',
    '160000',
    '240000',
    '380000',
    '470000',
    '550000',
    '660000',
    '720000',
    '830000',
  ])('rejects %s, whose prefix is no province', (code) => {
    expect(regionCodeProblem(code)).toBe('行政区划代码前两位不是有效的省级代码')
  })

  it('rejects a county part under a 00 city part', () => {
    expect(regionCodeProblem('350001')).toBe(
      '行政区划代码结构不正确：市级部分为00时县级部分也应为00',
    )
  })

  it('rejects non-digits and wrong lengths', () => {
    expect(regionCodeProblem('35010')).toBe('行政区划代码应为6位数字')
    expect(regionCodeProblem('3501020')).toBe('行政区划代码应为6位数字')
    expect(regionCodeProblem('35010A')).toBe('行政区划代码应为6位数字')
  })

  it('refuses to place an invalid code', () => {
    expect(() => regionLevel('990000')).toThrow(RangeError)
    expect(() => regionPath('35010')).toThrow(RangeError)
  })

  it('accepts generated valid codes, and every path ends with the code itself', () => {
    fc.assert(
      fc.property(regionCode, (code) => {
        expect(RegionCode.safeParse(code).success).toBe(true)
        expect(regionPath(code).split('.').at(-1)).toBe(code)
        expect(regionPath(code).split('.')).toHaveLength(parentRegionCodes(code).length + 1)
      }),
    )
  })

  it('rejects a valid code with any character replaced by a non-digit', () => {
    const broken = fc
      .tuple(regionCode, fc.integer({ min: 0, max: 5 }), nonDigit)
      .map(([code, position, char]) => substitute(code, position, char))
    fc.assert(fc.property(broken, (code) => !isValidRegionCode(code)))
  })

  it('rejects 35… digit strings of any length but six', () => {
    const wrongLength = fc
      .array(fc.constantFrom(...digits), { maxLength: 12 })
      .filter((rest) => rest.length !== 4)
      .map((rest) => `35${rest.join('')}`)
    fc.assert(fc.property(wrongLength, (code) => !isValidRegionCode(code)))
  })
})
