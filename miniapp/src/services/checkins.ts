import { Checkin, CheckinList } from '@djt/shared'
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

/** Staff: check-ins at branches in my jurisdiction (or one region of it) in one state. */
export async function fetchCheckins(
  state: 'pending' | 'approved' | 'declined',
  region?: string,
): Promise<Checkin[]> {
  return (await get('/review/checkins', CheckinList, { state, region })).items
}

export function decideCheckin(
  id: string,
  decision: { decision: 'approve' | 'decline'; note?: string },
): Promise<Checkin> {
  return post(`/review/checkins/${encodeURIComponent(id)}/decision`, decision, Checkin)
}
