import type { MemberActivityDetail } from '@djt/shared'

/** An activity as a member's page shows it (GET /activities/:id). */
export type ShownActivity = MemberActivityDetail

/** Where the page was opened from: near a point (for the distance), a branch's page, or 我参加的活动. */
export type ActivitySource =
  | { from: 'nearby'; lat: number; lng: number }
  | { from: 'place'; placeId: string }
  | { from: 'mine' }

/** The page's query (`?id=…&lat=…&lng=…`, `?id=…&place=…`, or `?id=…`) read back. */
export function sourceOf(params: Partial<Record<string, string>>): ActivitySource {
  const lat = Number(params.lat)
  const lng = Number(params.lng)
  if (params.lat && params.lng && Number.isFinite(lat) && Number.isFinite(lng))
    return { from: 'nearby', lat, lng }
  if (params.place) return { from: 'place', placeId: params.place }
  return { from: 'mine' }
}

/** The query that opens the page for `id` from `source`. */
export function sourceQuery(id: string, source: ActivitySource): string {
  const base = `id=${encodeURIComponent(id)}`
  if (source.from === 'nearby') return `${base}&lat=${source.lat}&lng=${source.lng}`
  if (source.from === 'place') return `${base}&place=${encodeURIComponent(source.placeId)}`
  return base
}

export type MemberStep = 'signUp' | 'cancelSignup' | 'signIn' | 'none'

/**
 * What the member may do now: sign up before the start when open to them and not full;
 * withdraw before the start; sign in from an hour before the start to an hour after the end.
 */
export function memberSteps(activity: ShownActivity, now: number): MemberStep[] {
  // Signed in: the record stands; nothing more to do (withdrawing would contradict it).
  if (activity.state !== 'published' || activity.attendedAt) return []
  const start = Date.parse(activity.startsAt)
  const end = Date.parse(activity.endsAt)
  const steps: MemberStep[] = []
  if (activity.signedUpByMe) {
    if (now < start) steps.push('cancelSignup')
    if (now >= start - HOUR && now <= end + HOUR) steps.push('signIn')
  } else if (activity.openToMe && now < start && activity.signedUp < activity.capacity) {
    steps.push('signUp')
  }
  return steps
}

const HOUR = 60 * 60 * 1000
