import fc from 'fast-check'
import { residentIdCheckChar, usccCheckChar } from '../src/index.ts'

// Written out again from the standards, not imported, so a wrong table in src fails a test.
export const usccAlphabet = [...'0123456789ABCDEFGHJKLMNPQRTUWXY']
export const provincePrefixes = [
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65', '71', '81', '82'],
]
export const digits = [...'0123456789']
export const today = new Date('2025-06-01T00:00:00Z')

const twoDigits = (n: number) => String(n).padStart(2, '0')

/** Province when the city part is 00, city when the county part is 00, else county. */
export const regionCode = fc
  .tuple(
    fc.constantFrom(...provincePrefixes),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([province, city, county]) =>
    city === 0 ? `${province}0000` : `${province}${twoDigits(city)}${twoDigits(county)}`,
  )

export const uscc = fc
  .array(fc.constantFrom(...usccAlphabet), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''))
  .map((first17) => first17 + usccCheckChar(first17))

const birthDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2025-05-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10).replaceAll('-', ''))

export const residentId = fc
  .tuple(regionCode, birthDate, fc.integer({ min: 0, max: 999 }))
  .map(([region, born, sequence]) => `${region}${born}${String(sequence).padStart(3, '0')}`)
  .map((first17) => first17 + residentIdCheckChar(first17))

export const mobile = fc
  .tuple(
    fc.constantFrom(...'3456789'),
    fc.array(fc.constantFrom(...digits), { minLength: 9, maxLength: 9 }),
  )
  .map(([second, rest]) => `1${second}${rest.join('')}`)

/** One character: from the alphabet, a near miss (forbidden or lower-case letter), or anything. */
export function otherChar(alphabet: string[]) {
  return fc.oneof(
    fc.constantFrom(...alphabet),
    fc.constantFrom(...'IOSVZiosvzax -.０'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  )
}

export const nonDigit = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 1 })
  .filter((c) => !/^\d$/.test(c))

export function substitute(code: string, position: number, char: string): string {
  return code.slice(0, position) + char + code.slice(position + 1)
}
