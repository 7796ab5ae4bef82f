/** The 监督共治 report form as typed: every field text, so a half-typed point stays on screen. */
export interface ReportDraft {
  category: string
  merchantName: string
  address: string
  regionCode: string
  /** Chosen on the map (never the live position); blank when the address was typed. */
  lat: string
  lng: string
  creditCode: string
  text: string
}
export type ReportField = keyof ReportDraft

export function emptyReportDraft(): ReportDraft {
  return {
    category: '',
    merchantName: '',
    address: '',
    regionCode: '',
    lat: '',
    lng: '',
    creditCode: '',
    text: '',
  }
}

const optional = (text: string) => text.trim() || undefined
const coordinate = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()))

/** What NewSupervisionReport reads: blanks as missing, the point only when begun. */
export function reportInputOf(
  draft: ReportDraft,
  photoIds: readonly string[] = [],
): Record<string, unknown> {
  const lat = coordinate(draft.lat)
  const lng = coordinate(draft.lng)
  return {
    category: optional(draft.category),
    merchant: {
      name: optional(draft.merchantName),
      address: optional(draft.address),
      regionCode: optional(draft.regionCode),
      location: lat === undefined && lng === undefined ? undefined : { lat, lng },
      creditCode: optional(draft.creditCode),
    },
    text: optional(draft.text),
    photoIds: [...photoIds],
  }
}

/** Which field a schema or server path names (`merchant.location.lat` is the point). */
export function reportFieldOf(path: readonly PropertyKey[]): ReportField | undefined {
  const [first, second] = path
  if (first === 'category' || first === 'text') return first
  if (first !== 'merchant') return undefined
  if (second === 'name') return 'merchantName'
  if (second === 'regionCode' || second === 'address' || second === 'creditCode') return second
  if (second === 'location') return 'lng'
  return 'merchantName'
}
