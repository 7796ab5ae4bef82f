/**
 * The code on a pledge plaque, and what a person may type for it.
 *
 * Codes issued now: `D`, 13 random characters and a check character, in Crockford's
 * base-32 alphabet (digits and capitals without I, L, O and U), so 65 random bits that read
 * the same in any case and survive the look-alikes people mistype: O is read as 0, I and
 * L as 1. The check character (Luhn mod 32) catches every single wrong character and
 * every swap of two neighbours, so a typo says "check the code" instead of "forged".
 * Every character is inside WeChat's scene alphabet.
 *
 * Codes issued before: `c` and 11 base-62 characters, case-sensitive. They keep
 * resolving; typed in the wrong case they are still found (see the server's lookup).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CODE_PREFIX = 'D'
/** Random characters after the prefix: 13 × 5 = 65 bits. */
export const CODE_RANDOM_LENGTH = 13

const CURRENT = new RegExp(`^${CODE_PREFIX}[${CODE_ALPHABET}]{${CODE_RANDOM_LENGTH + 1}}$`)
const LEGACY = /^c[0-9A-Za-z]{11}$/

export type ReadCode =
  | { kind: 'current'; code: string }
  | { kind: 'legacy'; code: string }
  | { kind: 'malformed' }

const digitOf = (char: string) => CODE_ALPHABET.indexOf(char)

function luhnSum(chars: string, doubleFirst: boolean): number {
  let sum = 0
  let double = doubleFirst
  for (let i = chars.length - 1; i >= 0; i--) {
    let addend = digitOf(chars[i] as string) * (double ? 2 : 1)
    addend = Math.floor(addend / 32) + (addend % 32)
    sum += addend
    double = !double
  }
  return sum
}

/** The check character for a code's first characters (prefix and random part). */
export function checkCharacter(body: string): string {
  const remainder = luhnSum(body, true) % 32
  return CODE_ALPHABET[(32 - remainder) % 32] as string
}

/** A whole current-format code whose check character is right. */
export function hasValidCheck(code: string): boolean {
  return CURRENT.test(code) && luhnSum(code, false) % 32 === 0
}

/**
 * What a person typed or scanned, read as a code: full-width characters made half-width,
 * spaces and dashes dropped; a current code in capitals with O→0 and I/L→1; a legacy code
 * as given. Anything else, or a current code whose check character is wrong, is
 * malformed: the page then says the code is mistyped, not that the plaque is forged.
 */
export function readPledgeCode(input: string): ReadCode {
  const compact = input.normalize('NFKC').replace(/[\s\-_.·]/g, '')
  if (LEGACY.test(compact)) return { kind: 'legacy', code: compact }
  const upper = compact.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1')
  if (hasValidCheck(upper)) return { kind: 'current', code: upper }
  // A legacy code typed with a capital first letter, as phone keyboards do.
  if (/^C[0-9A-Za-z]{11}$/.test(compact)) return { kind: 'legacy', code: `c${compact.slice(1)}` }
  return { kind: 'malformed' }
}

export const MALFORMED_CODE_MESSAGE = '查验码格式不对，请核对'
