import {
  ActivityDetail,
  ActivityPage,
  type ActivityRequest,
  type ActivityState,
  MemberActivityDetail,
  MemberActivityList,
  MyActivityList,
  SignInCode,
  SignInResult,
} from '@djt/shared'
import type { z } from 'zod'
import { del, get, NoContent, post, request } from './http'
import { fetchToDevice } from './transfer'

export type {
  Activity,
  ActivityDetail,
  ActivityRequest,
  MemberActivity,
  MemberActivityDetail,
} from '@djt/shared'
export type MyActivity = z.infer<typeof MyActivityList>['items'][number]
export type ActivityPageAnswer = z.infer<typeof ActivityPage>
export type SignInCodeAnswer = z.infer<typeof SignInCode>
export type SignInAnswer = z.infer<typeof SignInResult>

const staffPath = (id: string) => `/staff/activities/${encodeURIComponent(id)}`
const memberPath = (id: string) => `/activities/${encodeURIComponent(id)}`

/** Staff: my jurisdiction's activities, latest start first; pass `next` back as `after`. */
export function fetchStaffActivities(
  after?: string,
  region?: string,
  state?: ActivityState,
): Promise<ActivityPageAnswer> {
  return get('/staff/activities', ActivityPage, { after, region, state, limit: 20 })
}

export function fetchStaffActivity(id: string): Promise<ActivityDetail> {
  return get(staffPath(id), ActivityDetail)
}

export function publishActivity(activity: ActivityRequest): Promise<ActivityDetail> {
  return post('/staff/activities', activity, ActivityDetail)
}

/** Refused (409) once the activity has started. */
export function editActivity(id: string, activity: ActivityRequest): Promise<ActivityDetail> {
  return request({ method: 'PUT', path: staffPath(id), body: activity, schema: ActivityDetail })
}

export function cancelActivity(id: string, reason: string): Promise<ActivityDetail> {
  return post(`${staffPath(id)}/cancel`, { reason }, ActivityDetail)
}

/** Closing freezes attendance; refused before the start. */
export function closeActivity(
  id: string,
  record: { minutes: string; photoIds: string[] },
): Promise<ActivityDetail> {
  return post(`${staffPath(id)}/close`, record, ActivityDetail)
}

/** A photo of the closing record, on this device for the image viewer (staff token). */
export function fetchActivityPhoto(id: string, photoId: string): Promise<string> {
  return fetchToDevice(`${staffPath(id)}/photos/${encodeURIComponent(photoId)}`)
}

/** The venue's code of the current 30-second window (409 outside the sign-in hours). */
export function fetchSignInCode(id: string): Promise<SignInCodeAnswer> {
  return get(`${staffPath(id)}/sign-in-code`, SignInCode)
}

/** Sign a signed-up member in by hand; the reason is audited. */
export function tickAttendance(
  id: string,
  membershipId: string,
  reason: string,
): Promise<ActivityDetail> {
  return post(`${staffPath(id)}/attendances`, { membershipId, reason }, ActivityDetail)
}

/** Member: upcoming activities near a point (used for this query only, never stored). */
export async function activitiesNearby(point: { lat: number; lng: number }) {
  return (await get('/activities/nearby', MemberActivityList, point)).items
}

export async function activitiesAtPlace(placeId: string) {
  return (await get(`/places/${encodeURIComponent(placeId)}/activities`, MemberActivityList)).items
}

/**
 * Member: one activity as its page shows it, from any list or a shared link; the point,
 * when the page was opened from 附近, only for the distance (never stored).
 */
export function fetchMemberActivity(
  id: string,
  point?: { lat: number; lng: number },
): Promise<MemberActivityDetail> {
  return get(memberPath(id), MemberActivityDetail, point)
}

export async function fetchMyActivities(): Promise<MyActivity[]> {
  return (await get('/activities/mine', MyActivityList)).items
}

export function signUpFor(id: string): Promise<null> {
  return post(`${memberPath(id)}/signup`, {}, NoContent)
}

export function cancelSignup(id: string): Promise<null> {
  return del(`${memberPath(id)}/signup`)
}

/** The code read from the organiser's QR (or typed from under it in H5). */
export function signIn(id: string, code: string): Promise<SignInAnswer> {
  return post(`${memberPath(id)}/sign-in`, { code }, SignInResult)
}
