import { z } from 'zod'
import type { RegionLevel } from '../regions.ts'
import { reportProblem } from './problem.ts'

/** GB/T 2260 province-level prefixes, with 71 台湾, 81 香港, 82 澳门. */
const provincePrefixes = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65', '71', '81', '82'],
])

/** Structural check only: whether the code exists in the current table is the server's call. */
export function regionCodeProblem(code: string): string | undefined {
  if (!/^\d{6}$/.test(code)) return '行政区划代码应为6位数字'
  if (!provincePrefixes.has(code.slice(0, 2))) return '行政区划代码前两位不是有效的省级代码'
  if (code.slice(2, 4) === '00' && code.slice(4) !== '00') {
    return '行政区划代码结构不正确：市级部分为00时县级部分也应为00'
  }
  return undefined
}

export function isValidRegionCode(code: string): boolean {
  return regionCodeProblem(code) === undefined
}

export function regionLevel(code: string): RegionLevel {
  assertRegionCode(code)
  if (code.endsWith('0000')) return 'province'
  return code.endsWith('00') ? 'city' : 'county'
}

/** Province first, then city: 350102 → ['350000', '350100']. */
export function parentRegionCodes(code: string): string[] {
  const level = regionLevel(code)
  const province = `${code.slice(0, 2)}0000`
  if (level === 'province') return []
  if (level === 'city') return [province]
  return [province, `${code.slice(0, 4)}00`]
}

/** An ltree path, so a jurisdiction is every row whose path `<@` the official's region path. */
export function regionPath(code: string): string {
  return [...parentRegionCodes(code), code].join('.')
}

function assertRegionCode(code: string): void {
  const problem = regionCodeProblem(code)
  if (problem !== undefined) throw new RangeError(`${JSON.stringify(code)}: ${problem}`)
}

export const RegionCode = z
  .string({ error: '行政区划代码应为文本' })
  .trim()
  .superRefine(reportProblem(regionCodeProblem))
export type RegionCode = z.infer<typeof RegionCode>
