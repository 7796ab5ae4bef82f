import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isValidResidentId,
  ResidentId,
  residentIdBirthDate,
  residentIdCheckChar,
  residentIdProblem,
} from '../src/index.ts'
import { digits, otherChar, residentId, substitute, today } from './arbitraries.ts'

/** A number whose only fault, if any, is the part under test: the check char is always right. */
function withCheckChar(first17: string): string {
  return first17 + residentIdCheckChar(first17)
}

describe('resident ID (GB 11643-1999)', () => {
  it('accepts the standard’s example with an X check character', () => {
    expect(isValidResidentId('11010519491231002X', today)).toBe(true)
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31')
  })

  it('computes the standard’s other example but refuses its 1880 birth date', () => {
    expect(residentIdCheckChar('44052418800101001')).toBe('4')
    expect(residentIdProblem('440524188001010014', today)).toBe('身份证号中的出生日期早于1900年')
  })

  it('matches the ISO 7064 MOD 11-2 closed form for every remainder', () => {
    const weightOf = (i: number) => 2 ** (17 - i) % 11
    const seventeenDigits = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 })
      .map((values) => values.join(''))
    fc.assert(
      fc.property(seventeenDigits, (first17) => {
        const sum = [...first17].reduce((total, d, i) => total + Number(d) * weightOf(i), 0)
        const check = (12 - (sum % 11)) % 11
        expect(residentIdCheckChar(first17)).toBe(check === 10 ? 'X' : String(check))
      }),
      { numRuns: 500 },
    )
  })

  it('rejects a wrong check character', () => {
    expect(residentIdProblem('110105194912310021', today)).toBe('身份证号校验位不正确')
  })

  it('rejects a day that does not exist', () => {
    expect(residentIdProblem(withCheckChar('11010519990231002'), today)).toBe(
      '身份证号中的出生日期不存在',
    )
    expect(residentIdProblem(withCheckChar('11010519991301002'), today)).toBe(
      '身份证号中的出生日期不存在',
    )
  })

  it('knows leap years', () => {
    expect(isValidResidentId(withCheckChar('11010520000229002'), today)).toBe(true)
    expect(isValidResidentId(withCheckChar('11010519000229002'), today)).toBe(false)
    expect(isValidResidentId(withCheckChar('11010520230229002'), today)).toBe(false)
  })

  it('rejects a birth date after today, counted in Beijing time', () => {
    expect(residentIdProblem(withCheckChar('11010520990101002'), today)).toBe(
      '身份证号中的出生日期晚于今天',
    )
    // 16:30 UTC on 31 May is already 1 June in Beijing.
    const lateEvening = new Date('2025-05-31T16:30:00Z')
    expect(isValidResidentId(withCheckChar('11010520250601002'), lateEvening)).toBe(true)
    expect(isValidResidentId(withCheckChar('11010520250602002'), lateEvening)).toBe(false)
  })

  it('rejects a region part with no such province', () => {
    expect(residentIdProblem(withCheckChar('99010519491231002'), today)).toBe(
      '身份证号前6位地区码不正确',
    )
  })

  it('rejects wrong length and letters other than a final X', () => {
    expect(residentIdProblem('11010519491231002', today)).toBe('身份证号应为18位')
    expect(residentIdProblem('1101051949123100XX', today)).toBe(
      '身份证号前17位应为数字，最后一位为数字或X',
    )
  })

  it('is strict about case; the schema upper-cases a lower-case x', () => {
    expect(isValidResidentId('11010519491231002x', today)).toBe(false)
    expect(ResidentId.parse('11010519491231002x ')).toBe('11010519491231002X')
  })

  it('accepts every ID built from a region, a real birth date, a sequence and its check', () => {
    fc.assert(fc.property(residentId, (id) => isValidResidentId(id, today)))
  })

  it('rejects every single-character substitution of a valid ID, date part included', () => {
    const substituted = fc
      .tuple(residentId, fc.integer({ min: 0, max: 17 }), otherChar([...digits, 'X']))
      .filter(([id, position, char]) => id[position] !== char)
    fc.assert(
      fc.property(substituted, ([id, position, char]) => {
        expect(isValidResidentId(substitute(id, position, char), today)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
})
