import { type Activity, chinaDateTime } from '@djt/shared'

/** The form as typed: every field text, so a half-typed time or number stays on screen. */
export interface ActivityDraft {
  title: string
  kind: string
  /** `YYYY-MM-DD`, China time. */
  date: string
  /** `HH:MM`, China time, the same day. */
  startTime: string
  endTime: string
  /** 'place': a place of the places table; 'address': an address with its point. */
  venueKind: 'place' | 'address'
  placeId: string
  address: string
  regionCode: string
  lat: string
  lng: string
  capacity: string
  audience: string
  /** The flow-member branch whose checked-in members may come (audience 'branch'). */
  branchId: string
  description: string
}
export type ActivityField = keyof ActivityDraft

export function emptyActivityDraft(): ActivityDraft {
  return {
    title: '',
    kind: '',
    date: '',
    startTime: '',
    endTime: '',
    venueKind: 'place',
    placeId: '',
    address: '',
    regionCode: '',
    lat: '',
    lng: '',
    capacity: '',
    audience: 'nearby',
    branchId: '',
    description: '',
  }
}

/** `2026-07-01 09:00` → its date and time parts. */
function wallParts(instant: string): { date: string; time: string } {
  const [date = '', time = ''] = chinaDateTime(instant).split(' ')
  return { date, time: time.slice(0, 5) }
}

export function activityDraftOf(activity: Activity): ActivityDraft {
  const start = wallParts(activity.startsAt)
  return {
    title: activity.title,
    kind: activity.kind,
    date: start.date,
    startTime: start.time,
    endTime: wallParts(activity.endsAt).time,
    venueKind: activity.placeId ? 'place' : 'address',
    placeId: activity.placeId ?? '',
    address: activity.placeId ? '' : activity.address,
    regionCode: activity.placeId ? '' : activity.regionCode,
    lat: activity.placeId ? '' : String(activity.location.lat),
    lng: activity.placeId ? '' : String(activity.location.lng),
    capacity: String(activity.capacity),
    audience: activity.audience,
    branchId: activity.branchId ?? '',
    description: activity.description ?? '',
  }
}

const optional = (text: string) => text.trim() || undefined
const coordinate = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()))

/** The venue as ActivityVenue reads it: the place chosen, or the address and its point. */
function venueOf(draft: ActivityDraft): Record<string, unknown> | undefined {
  if (draft.venueKind === 'place') return draft.placeId ? { placeId: draft.placeId } : undefined
  const lat = coordinate(draft.lat)
  const lng = coordinate(draft.lng)
  return {
    address: optional(draft.address),
    regionCode: optional(draft.regionCode),
    location: lat === undefined && lng === undefined ? undefined : { lat, lng },
  }
}

/** `09:00` or `9:00` as `09:00`; anything else undefined (the schema then names the field). */
export function normaliseTime(text: string): string | undefined {
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim())
  if (!match) return undefined
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (hours > 23 || minutes > 59) return undefined
  return `${String(hours).padStart(2, '0')}:${match[2]}`
}

/** A China wall-clock day and time as the instant the API takes (`+08:00`). */
export function chinaInstant(date: string, time: string): string | undefined {
  const hhmm = normaliseTime(time)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !hhmm) return undefined
  return `${date}T${hhmm}:00+08:00`
}

/** What ActivityRequest checks: blanks as missing, times as instants, numbers as numbers. */
export function activityInputOf(draft: ActivityDraft): Record<string, unknown> {
  const capacity = draft.capacity.trim()
  return {
    title: optional(draft.title),
    kind: optional(draft.kind),
    startsAt: chinaInstant(draft.date, draft.startTime),
    endsAt: chinaInstant(draft.date, draft.endTime),
    venue: venueOf(draft),
    capacity: capacity === '' ? undefined : Number(capacity),
    audience: optional(draft.audience),
    branchId: draft.audience === 'branch' ? optional(draft.branchId) : undefined,
    description: optional(draft.description),
  }
}

/**
 * Which field a schema or server path names. The venue as a whole (neither a place nor a
 * whole address) is the place picker or the address, whichever the form shows.
 */
export function activityFieldOf(
  path: readonly PropertyKey[],
  draft?: ActivityDraft,
): ActivityField | undefined {
  const [first, second] = path
  if (first === 'startsAt') return 'startTime'
  if (first === 'endsAt') return 'endTime'
  if (first === 'venue') {
    if (second === 'placeId') return 'placeId'
    if (second === 'address' || second === 'regionCode') return second
    if (second === 'location') return 'lng'
    return draft?.venueKind === 'address' ? 'address' : 'placeId'
  }
  if (typeof first === 'string' && first in emptyActivityDraft()) return first as ActivityField
  return undefined
}
