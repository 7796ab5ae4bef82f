import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SCENE_ALPHABET } from '../src/places.ts'
import {
  CODE_ALPHABET,
  CODE_PREFIX,
  CODE_RANDOM_LENGTH,
  checkCharacter,
  hasValidCheck,
  readPledgeCode,
} from '../src/pledge-code.ts'

const randomPart = fc
  .array(fc.constantFrom(...CODE_ALPHABET), {
    minLength: CODE_RANDOM_LENGTH,
    maxLength: CODE_RANDOM_LENGTH,
  })
  .map((chars) => chars.join(''))
const code = randomPart.map((part) => {
  const body = `${CODE_PREFIX}${part}`
  return body + checkCharacter(body)
})

describe('current pledge codes', () => {
  it('are valid, inside the scene alphabet and read back unchanged', () => {
    fc.assert(
      fc.property(code, (c) => {
        expect(hasValidCheck(c)).toBe(true)
        expect(SCENE_ALPHABET.test(c)).toBe(true)
        expect(readPledgeCode(c)).toEqual({ kind: 'current', code: c })
      }),
    )
  })
  it('read the same in lower case, with spaces, dashes, full-width and look-alikes', () => {
    fc.assert(
      fc.property(code, (c) => {
        const variants = [
          c.toLowerCase(),
          `${c.slice(0, 5)} ${c.slice(5, 10)} ${c.slice(10)}`,
          `${c.slice(0, 5)}-${c.slice(5)}`,
          c.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
          c.replace(/0/g, 'O').replace(/1/g, 'l'),
          `  ${c}\n`,
        ]
        for (const variant of variants)
          expect(readPledgeCode(variant)).toEqual({ kind: 'current', code: c })
      }),
    )
  })
  it('catch every single wrong character and every swap of two neighbours', () => {
    fc.assert(
      fc.property(code, fc.nat(), fc.constantFrom(...CODE_ALPHABET), (c, at, char) => {
        const i = 1 + (at % (c.length - 1))
        if (c[i] === char) return
        const typo = c.slice(0, i) + char + c.slice(i + 1)
        expect(readPledgeCode(typo).kind).toBe('malformed')
        const j = 1 + (at % (c.length - 2))
        if (c[j] !== c[j + 1]) {
          const swapped = c.slice(0, j) + c[j + 1] + c[j] + c.slice(j + 2)
          // Luhn mod N misses one swap: the two characters whose values sum to N - 1.
          const missed =
            CODE_ALPHABET.indexOf(c[j] as string) + CODE_ALPHABET.indexOf(c[j + 1] as string) === 31
          if (!missed) expect(readPledgeCode(swapped).kind).toBe('malformed')
        }
      }),
    )
  })
  it('carry at least 64 random bits', () => {
    expect(CODE_RANDOM_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(64)
  })
})

describe('legacy codes (c + 11 base-62) keep resolving', () => {
  it('as given, and with a capital first letter', () => {
    expect(readPledgeCode('cAb3dE5fG7h')).toEqual({ kind: 'malformed' })
    expect(readPledgeCode('cAb3dE5fG7hJ')).toEqual({ kind: 'legacy', code: 'cAb3dE5fG7hJ' })
    expect(readPledgeCode('CAb3dE5fG7hJ')).toEqual({ kind: 'legacy', code: 'cAb3dE5fG7hJ' })
    expect(readPledgeCode(' cAb3 dE5f G7hJ ')).toEqual({ kind: 'legacy', code: 'cAb3dE5fG7hJ' })
  })
})

describe('things that cannot be a code', () => {
  it('are malformed, not unknown', () => {
    for (const text of ['', '123', 'hello world', '承诺牌', 'D'.repeat(15), 'https://example.com'])
      expect(readPledgeCode(text).kind, text).toBe('malformed')
  })
})
