import {
  Difficulty,
  type DifficultyCategory,
  DifficultyHotspots,
  DifficultyList,
  type DifficultyOutcome,
  type DifficultyState,
  NearbyDifficultyList,
  type RaiseDifficultyRequest,
  StaffDifficulty,
  StaffDifficultyPage,
} from '@djt/shared'
import type { z } from 'zod'
import { get, NoContent, post } from './http'
import { fetchToDevice } from './transfer'

export type { Difficulty, StaffDifficulty } from '@djt/shared'
export type StaffDifficultyPageAnswer = z.infer<typeof StaffDifficultyPage>

const mine = (id: string) => `/difficulties/${encodeURIComponent(id)}`
const staffPath = (id: string) => `/staff/difficulties/${encodeURIComponent(id)}`

/** A rider raises a difficulty (photos uploaded first through POST /photos). */
export function raiseDifficulty(body: RaiseDifficultyRequest): Promise<Difficulty> {
  return post('/difficulties', body, Difficulty)
}

export type NearbyDifficulty = z.infer<typeof NearbyDifficultyList>['items'][number]

/**
 * Open difficulties within 2 km of a place the rider chose (the point is used for the
 * query only), so they can add 我也遇到 instead of raising the same one again.
 */
export async function fetchNearbyDifficulties(
  point: { lat: number; lng: number },
  category?: DifficultyCategory,
): Promise<NearbyDifficulty[]> {
  return (await get('/difficulties/nearby', NearbyDifficultyList, { ...point, category })).items
}

/** 我也遇到: once per rider. */
export function addMeToo(id: string): Promise<null> {
  return post(`${mine(id)}/me-too`, {}, NoContent)
}

export async function fetchMyDifficulties(): Promise<Difficulty[]> {
  return (await get('/difficulties/mine', DifficultyList)).items
}

export function giveDifficultyFeedback(id: string, helpful: boolean): Promise<Difficulty> {
  return post(`${mine(id)}/feedback`, { helpful }, Difficulty)
}

/** What narrows the staff list: a hot spot's figure opens it with these. */
export interface StaffDifficultyFilters {
  region?: string | undefined
  state?: DifficultyState | undefined
  category?: DifficultyCategory | undefined
  /** A hot spot: the difficulties within its radius of this one's place. */
  near?: string | undefined
  /** A ledger figure: raised in this year, answered within a week, solved. */
  year?: number | undefined
  answered?: 'within_week' | undefined
  outcome?: DifficultyOutcome | undefined
}

/** Staff: my jurisdiction's difficulties, oldest first; pass `next` back as `after`. */
export function fetchStaffDifficulties(
  after: string | undefined,
  filters: StaffDifficultyFilters,
): Promise<StaffDifficultyPageAnswer> {
  return get('/staff/difficulties', StaffDifficultyPage, { ...filters, after, limit: 20 })
}

/** Staff: per county and category, open and closed; a county's hot spots. */
export function fetchDifficultyHotspots(filters: {
  region?: string | undefined
  state?: DifficultyState | undefined
  category?: DifficultyCategory | undefined
}): Promise<DifficultyHotspots> {
  return get('/staff/difficulties/hotspots', DifficultyHotspots, filters)
}

export function fetchStaffDifficulty(id: string): Promise<StaffDifficulty> {
  return get(staffPath(id), StaffDifficulty)
}

export function replyToDifficulty(id: string, text: string): Promise<StaffDifficulty> {
  return post(`${staffPath(id)}/reply`, { text }, StaffDifficulty)
}

export function forwardDifficulty(
  id: string,
  target: { regionCode: string; note: string },
): Promise<StaffDifficulty> {
  return post(`${staffPath(id)}/forward`, target, StaffDifficulty)
}

export function closeDifficulty(
  id: string,
  result: { outcome: DifficultyOutcome; note?: string },
): Promise<StaffDifficulty> {
  return post(`${staffPath(id)}/close`, result, StaffDifficulty)
}

/** A photo the rider sent, on this device for the image viewer (staff token). */
export function fetchDifficultyPhoto(id: string, photoId: string): Promise<string> {
  return fetchToDevice(`${staffPath(id)}/photos/${encodeURIComponent(photoId)}`)
}
