import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isValidUscc,
  Uscc,
  usccCheckChar,
  usccEntityKind,
  usccProblem,
  usccRegionCode,
} from '../src/index.ts'
import { otherChar, substitute, uscc, usccAlphabet } from './arbitraries.ts'

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts the DOMAIN.md example and real published codes', () => {
    for (const code of [
      '91350100M000100Y43',
      '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
      '91330100716105852F', // 阿里巴巴（中国）有限公司
      '914403001922038216', // 华为技术有限公司
    ]) {
      expect(isValidUscc(code), code).toBe(true)
    }
  })

  it('computes the check character, mapping 31 to 0', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    expect(usccCheckChar('9144030071526726X')).toBe('G')
    // Σ = 0 gives 31 − 0 = 31, which the standard writes as 0.
    expect(usccCheckChar('00000000000000000')).toBe('0')
  })

  it('refuses to compute a check character for malformed input', () => {
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError)
    expect(() => usccCheckChar('91350100M000100O4')).toThrow(RangeError)
  })

  it('rejects a wrong check character', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false)
    expect(usccProblem('91350100M000100Y44')).toBe('统一社会信用代码校验位不正确')
  })

  it.each(['I', 'O', 'S', 'V', 'Z'])(
    'rejects the forbidden letter %s and names its position',
    (letter) => {
      const code = substitute('91350100M000100Y43', 8, letter)
      expect(isValidUscc(code)).toBe(false)
      expect(usccProblem(code)).toContain(`第9位“${letter}”`)
    },
  )

  it('rejects wrong lengths', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('统一社会信用代码应为18位')
    expect(usccProblem('91350100M000100Y433')).toBe('统一社会信用代码应为18位')
    expect(usccProblem('')).toBe('统一社会信用代码应为18位')
  })

  it('is strict about case; the schema upper-cases and trims', () => {
    expect(isValidUscc('91350100m000100y43')).toBe(false)
    expect(Uscc.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43')
  })

  it('reads the region and the kind of entity', () => {
    expect(usccRegionCode('91350100M000100Y43')).toBe('350100')
    expect(usccEntityKind('91350100M000100Y43')).toBe('enterprise')
    expect(usccEntityKind('92350102MA2Y0XXXXX')).toBe('individual_business')
    expect(usccEntityKind('51100000500000000X')).toBe('other')
  })

  it('accepts every code built from 17 symbols and their check character', () => {
    fc.assert(fc.property(uscc, (code) => isValidUscc(code) && Uscc.safeParse(code).success))
  })

  it('rejects every single-character substitution of a valid code', () => {
    const substituted = fc
      .tuple(uscc, fc.integer({ min: 0, max: 17 }), otherChar(usccAlphabet))
      .filter(([code, position, char]) => code[position] !== char)
    fc.assert(
      fc.property(substituted, ([code, position, char]) => {
        expect(isValidUscc(substitute(code, position, char))).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
})
