import { z } from 'zod'
import { normalizeResidentId } from '../normalize.ts'
import { chinaDate } from '../time/china-clock.ts'
import { reportProblem } from './problem.ts'
import { isValidRegionCode } from './regionCode.ts'

/** ISO 7064 MOD 11-2 as GB 11643-1999 applies it. */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const checkChars = '10X98765432'

export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`${JSON.stringify(first17)} is not 17 digits`)
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * (weights[i] ?? 0), 0)
  return checkChars.charAt(sum % 11)
}

/** Characters 7–14 as 'YYYY-MM-DD'; says nothing about whether that day exists. */
export function residentIdBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
}

/** Strict: a lower-case x is a problem here; the schema upper-cases before checking. */
export function residentIdProblem(id: string, today: Date = new Date()): string | undefined {
  if (id.length !== 18) return '身份证号应为18位'
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号前17位应为数字，最后一位为数字或X'
  if (!isValidRegionCode(id.slice(0, 6))) return '身份证号前6位地区码不正确'
  const dateProblem = birthDateProblem(residentIdBirthDate(id), today)
  if (dateProblem !== undefined) return dateProblem
  if (id.charAt(17) !== residentIdCheckChar(id.slice(0, 17))) return '身份证号校验位不正确'
  return undefined
}

export function isValidResidentId(id: string, today?: Date): boolean {
  return residentIdProblem(id, today) === undefined
}

function birthDateProblem(birthDate: string, today: Date): string | undefined {
  const parsed = new Date(`${birthDate}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== birthDate) {
    return '身份证号中的出生日期不存在'
  }
  if (birthDate < '1900-01-01') return '身份证号中的出生日期早于1900年'
  // Birth dates are China's calendar days, whatever time zone the server runs in.
  if (birthDate > chinaDate(today)) return '身份证号中的出生日期晚于今天'
  return undefined
}

export const ResidentId = z
  .string({ error: '身份证号应为文本' })
  .trim()
  .overwrite(normalizeResidentId)
  .superRefine(reportProblem((id) => residentIdProblem(id)))
export type ResidentId = z.infer<typeof ResidentId>
