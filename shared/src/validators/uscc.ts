import { z } from 'zod'
import { reportProblem } from './problem.ts'

/** GB 32100-2015 symbols: digits and capitals without I O S V Z, value = index. */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type UsccEntityKind = 'individual_business' | 'enterprise' | 'other'

export function usccCheckChar(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) {
    throw new RangeError(`${JSON.stringify(first17)} is not 17 USCC characters`)
  }
  const sum = [...first17].reduce(
    (total, char, i) => total + alphabet.indexOf(char) * (weights[i] ?? 0),
    0,
  )
  return alphabet.charAt((31 - (sum % 31)) % 31)
}

/** Strict: lower case is a problem here; the schema upper-cases before checking. */
export function usccProblem(code: string): string | undefined {
  if (code.length !== 18) return '统一社会信用代码应为18位'
  const bad = code.search(/[^0-9A-HJ-NPQRTUWXY]/)
  if (bad >= 0) {
    const char = String.fromCodePoint(code.codePointAt(bad) ?? 0)
    return `统一社会信用代码第${bad + 1}位“${char}”不是有效字符（只用数字和大写字母，不用I、O、S、V、Z）`
  }
  if (code.charAt(17) !== usccCheckChar(code.slice(0, 17))) return '统一社会信用代码校验位不正确'
  return undefined
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === undefined
}

/** Characters 3–8: the GB/T 2260 code of the registering authority's region. */
export function usccRegionCode(code: string): string {
  return code.slice(2, 8)
}

export function usccEntityKind(code: string): UsccEntityKind {
  if (code.startsWith('92')) return 'individual_business'
  if (code.startsWith('91')) return 'enterprise'
  return 'other'
}

export const Uscc = z
  .string({ error: '统一社会信用代码应为文本' })
  .trim()
  .toUpperCase()
  .superRefine(reportProblem(usccProblem))
export type Uscc = z.infer<typeof Uscc>
