import { honourYears, platformNames } from '@djt/shared'
import type { HonourRider } from '../../services/honours'

/** The nomination as typed: the rider chosen from the search, every field text. */
export interface NominateDraft {
  membershipId: string
  /** Follows the rider: the 设区市 they work in. */
  cityCode: string
  year: string
  citation: string
}
export type NominateField = keyof NominateDraft

export function emptyNominateDraft(thisYear: number): NominateDraft {
  return { membershipId: '', cityCode: '', year: String(thisYear), citation: '' }
}

/** This year and the last, newest first. */
export function yearOptions(thisYear: number) {
  return honourYears(thisYear).map((year) => ({ value: String(year), label: `${year}年` }))
}

const optional = (text: string) => text.trim() || undefined

/** What NominateHonourRequest reads: blanks as missing, the year as a number. */
export function nominateInputOf(draft: NominateDraft): Record<string, unknown> {
  return {
    membershipId: optional(draft.membershipId),
    cityCode: optional(draft.cityCode),
    year: draft.year.trim() === '' ? undefined : Number(draft.year),
    citation: optional(draft.citation),
  }
}

/** Which field a schema or server path names; the city follows the rider, so it is theirs. */
export function nominateFieldOf(path: readonly PropertyKey[]): NominateField | undefined {
  const [first] = path
  if (first === 'cityCode') return 'membershipId'
  if (first === 'membershipId' || first === 'year' || first === 'citation') return first
  return undefined
}

/** 王小明 · 鼓楼区 · 美团 · 福州市 */
export function riderLine(rider: HonourRider): string {
  return [
    rider.name,
    rider.regionName,
    rider.platform && platformNames[rider.platform],
    rider.cityName,
  ]
    .filter(Boolean)
    .join(' · ')
}
