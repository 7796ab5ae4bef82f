import { Checkin, CheckinList, CheckinPage } from '@djt/shared'
import { get, post } from './http'

export type { Checkin } from '@djt/shared'

/** 报到 at a flow-member branch; the server refuses (403) without a verified membership. */
export function checkIn(placeId: string, note?: string): Promise<Checkin> {
  const body = note?.trim() ? { note: note.trim() } : {}
  return post(`/places/${encodeURIComponent(placeId)}/checkins`, body, Checkin)
}

export async function fetchMyCheckins(): Promise<Checkin[]> {
  return (await get('/checkins/mine', CheckinList)).items
}

/** Staff: one page of check-ins at my jurisdiction's branches (or one region's) in a state. */
export function fetchCheckins(
  state: 'pending' | 'approved' | 'declined',
  after?: string,
  region?: string,
): Promise<CheckinPage> {
  return get('/review/checkins', CheckinPage, { state, region, after })
}

export function decideCheckin(
  id: string,
  decision: { decision: 'approve' | 'decline'; note?: string },
): Promise<Checkin> {
  return post(`/review/checkins/${encodeURIComponent(id)}/decision`, decision, Checkin)
}
