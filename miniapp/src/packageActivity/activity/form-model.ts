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
  placeId: string
  capacity: string
  audience: string
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
    placeId: '',
    capacity: '',
    audience: 'nearby',
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
    placeId: activity.placeId ?? '',
    capacity: String(activity.capacity),
    audience: activity.audience,
    description: activity.description ?? '',
  }
}

const optional = (text: string) => text.trim() || undefined

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

/**
 * What ActivityRequest checks: blanks as missing, times as instants, the capacity as a
 * number. A branch's own meeting is held at that branch, so its venue is its branch.
 */
export function activityInputOf(draft: ActivityDraft): Record<string, unknown> {
  const capacity = draft.capacity.trim()
  return {
    title: optional(draft.title),
    kind: optional(draft.kind),
    startsAt: chinaInstant(draft.date, draft.startTime),
    endsAt: chinaInstant(draft.date, draft.endTime),
    venue: draft.placeId ? { placeId: draft.placeId } : undefined,
    capacity: capacity === '' ? undefined : Number(capacity),
    audience: optional(draft.audience),
    branchId: draft.audience === 'branch' && draft.placeId ? draft.placeId : undefined,
    description: optional(draft.description),
  }
}

/** Which field a schema or server path names: the venue and branch are the place picker. */
export function activityFieldOf(path: readonly PropertyKey[]): ActivityField | undefined {
  const [first] = path
  if (first === 'startsAt') return 'startTime'
  if (first === 'endsAt') return 'endTime'
  if (first === 'venue' || first === 'branchId') return 'placeId'
  if (typeof first === 'string' && first in emptyActivityDraft()) return first as ActivityField
  return undefined
}
