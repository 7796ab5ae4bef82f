/** The raise form as typed: every field text, so a half-typed point stays on screen. */
export interface DifficultyDraft {
  category: string
  text: string
  /** The place is optional; when any of it is given, all of it is checked. */
  placeName: string
  address: string
  regionCode: string
  lat: string
  lng: string
}
export type DifficultyField = keyof DifficultyDraft

export function emptyDifficultyDraft(): DifficultyDraft {
  return { category: '', text: '', placeName: '', address: '', regionCode: '', lat: '', lng: '' }
}

const optional = (text: string) => text.trim() || undefined
const coordinate = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()))

/** What RaiseDifficultyRequest reads: blanks as missing, the place only when begun. */
export function difficultyInputOf(
  draft: DifficultyDraft,
  photoIds: readonly string[] = [],
): Record<string, unknown> {
  const begun = [draft.placeName, draft.address, draft.regionCode, draft.lat, draft.lng].some(
    (value) => value.trim() !== '',
  )
  const lat = coordinate(draft.lat)
  const lng = coordinate(draft.lng)
  return {
    category: optional(draft.category),
    text: optional(draft.text),
    photoIds: [...photoIds],
    place: begun
      ? {
          name: optional(draft.placeName),
          address: optional(draft.address),
          regionCode: optional(draft.regionCode),
          location: lat === undefined && lng === undefined ? undefined : { lat, lng },
        }
      : undefined,
  }
}

/** Which field a schema or server path names (`place.location.lat` is the point). */
export function difficultyFieldOf(path: readonly PropertyKey[]): DifficultyField | undefined {
  const [first, second] = path
  if (first === 'category' || first === 'text') return first
  if (first === 'place') {
    if (second === 'name') return 'placeName'
    if (second === 'regionCode' || second === 'address') return second
    if (second === 'location') return 'lng'
    return 'address'
  }
  return undefined
}
