import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeMobile, normalizeName, normalizeResidentId, normalizeText } from '../src/index.ts'
import { mobile, residentId } from './arbitraries.ts'

const normalizers = { normalizeText, normalizeMobile, normalizeResidentId, normalizeName }

/** Full-width forms (U+FF01–U+FF5E) of printable ASCII, as Chinese IMEs type them. */
const fullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

describe('normalize', () => {
  it('turns full-width into half-width, drops all whitespace, upper-cases ASCII', () => {
    expect(normalizeText(' ａｂ１２\u3000c d\t\n')).toBe('AB12CD')
    expect(normalizeText('张\u00A0三\u200B')).toBe('张三')
    expect(normalizeText('straße')).toBe('STRAßE')
    expect(normalizeText('e\u00B4'), 'a removed space brings e and U+0301 together').toBe('é')
  })

  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+8613812345678',
    '008613812345678',
    '8613812345678',
    '１３８\u3000１２３４\u3000５６７８',
    '＋８６－１３８１２３４５６７８',
    '138\u20141234\u20135678',
  ])('reads %j as the mobile 13812345678', (input) => {
    expect(normalizeMobile(input)).toBe('13812345678')
  })

  it('keeps 86 when it is not a country code in front of 11 digits', () => {
    expect(normalizeMobile('86123456')).toBe('86123456')
    expect(normalizeMobile('+85213812345678')).toBe('+85213812345678')
    expect(normalizeMobile('8623812345678')).toBe('8623812345678')
  })

  it('upper-cases the check character and removes spaces in a resident ID', () => {
    expect(normalizeResidentId(' 11010519491231002x ')).toBe('11010519491231002X')
    expect(normalizeResidentId('１１０１０５ １９４９１２３１ ００２ｘ')).toBe('11010519491231002X')
  })

  it('keeps the middle dot of a minority name and unifies its look-alikes', () => {
    for (const dot of ['·', '•', '・', '･', '‧', '∙', '⋅', '\u0387']) {
      expect(normalizeName(`买买提 ${dot} 艾力`), dot).toBe('买买提·艾力')
    }
    expect(normalizeName(' 张　三 ')).toBe('张三')
  })

  it('full-width digits equal half-width ones', () => {
    fc.assert(
      fc.property(mobile, residentId, (number, id) => {
        expect(normalizeMobile(fullWidth(number))).toBe(number)
        expect(normalizeMobile(fullWidth(`+86 ${number}`))).toBe(number)
        expect(normalizeResidentId(fullWidth(id.toLowerCase()))).toBe(id)
        expect(normalizeText(fullWidth(id))).toBe(id)
      }),
    )
  })

  it.each(Object.entries(normalizers))('%s: normalising twice is normalising once', (_, fn) => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom(...'+86 0-１８６x·・•\u3000abcé\u00B4\u0301') }),
    )
    fc.assert(fc.property(text, (s) => fn(fn(s)) === fn(s)))
  })
})
