import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskMobile, maskResidentId } from '../src/index.ts'
import { mobile, residentId } from './arbitraries.ts'

const shown = (masked: string) => [...masked].filter((c) => c !== '*').length

describe('mask', () => {
  it('shows the first 4 and last 4 characters of a resident ID', () => {
    expect(maskResidentId('350203199001011234')).toBe('3502**********1234')
    expect(maskResidentId('11010519491231002x')).toBe('1101**********002X')
    expect(maskResidentId('350203900101123')).toBe('3502*******1123')
  })

  it('shows the network prefix and last 4 digits of a mobile', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
    expect(maskMobile('+86 138 1234 5678')).toBe('138****5678')
  })

  it('keeps the length and reveals nothing of the middle', () => {
    fc.assert(
      fc.property(residentId, mobile, (id, number) => {
        expect(maskResidentId(id)).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/)
        expect(maskResidentId(id).slice(0, 4)).toBe(id.slice(0, 4))
        expect(maskMobile(number)).toBe(`${number.slice(0, 3)}****${number.slice(7)}`)
      }),
    )
  })

  it.each(['', '1', '12', '123', '1234567', '1381234567', '3502031990010112'])(
    'reveals at most half of the odd input %j',
    (odd) => {
      for (const masked of [maskMobile(odd), maskResidentId(odd)]) {
        expect(masked).toHaveLength(odd.length)
        expect(shown(masked) * 2).toBeLessThanOrEqual(odd.length)
      }
    },
  )

  it('reveals at most half of any other input', () => {
    const odd = fc
      .string({ unit: 'grapheme-ascii' })
      .filter((s) => ![11, 15, 18].includes(s.length))
    fc.assert(
      fc.property(odd, (s) => {
        const masked = maskResidentId(s.replace(/\s|\*/g, '0'))
        expect(shown(masked) * 2).toBeLessThanOrEqual(masked.length)
      }),
    )
  })
})
