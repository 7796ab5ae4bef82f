import { z } from 'zod'
import { normalizeMobile } from '../normalize.ts'
import { reportProblem } from './problem.ts'

export function mobileProblem(mobile: string): string | undefined {
  if (mobile === '') return '请填写手机号'
  if (!/^\d+$/.test(mobile)) return '手机号只能包含数字'
  if (mobile.length !== 11) return '手机号应为11位大陆手机号'
  if (!/^1[3-9]/.test(mobile)) return '手机号应以13至19开头'
  return undefined
}

export function isValidMobile(mobile: string): boolean {
  return mobileProblem(mobile) === undefined
}

/** People paste numbers from contacts as '+86 138…' or '86-138…'. */
export function stripChinaCountryCode(mobile: string): string {
  return mobile.replace(/^\+?86[\s-]?/, '')
}

export const Mobile = z
  .string({ error: '手机号应为文本' })
  .trim()
  // Pasted from contacts as '+86 138 1234 5678' or typed with full-width digits: same number.
  .overwrite((typed) => normalizeMobile(stripChinaCountryCode(typed)))
  .superRefine(reportProblem(mobileProblem))
export type Mobile = z.infer<typeof Mobile>
