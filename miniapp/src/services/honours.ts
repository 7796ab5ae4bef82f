import {
  Honour,
  HonourList,
  type HonourNameShown,
  HonourRiderList,
  type HonourState,
  type NominateHonourRequest,
  PublicHonourPage,
  StaffHonour,
  StaffHonourPage,
} from '@djt/shared'
import { get, post } from './http'

export type {
  Honour,
  HonourRider,
  PublicHonour,
  PublicHonourPage,
  StaffHonour,
  StaffHonourPage,
} from '@djt/shared'

const mine = (id: string) => `/honours/${encodeURIComponent(id)}`
const staffPath = (id: string) => `/staff/honours/${encodeURIComponent(id)}`

/** 最美骑手 as the public list shows them (no sign-in); pass `next` back as `after`. */
export function fetchPublicHonours(
  filter: { year?: number | undefined; city?: string | undefined },
  after?: string,
): Promise<PublicHonourPage> {
  return get('/public/honours', PublicHonourPage, { ...filter, after, limit: 20 })
}

/** The honours I was nominated for, whatever their state. */
export async function fetchMyHonours(): Promise<Honour[]> {
  return (await get('/honours/mine', HonourList)).items
}

export function acceptHonour(id: string, nameShown: HonourNameShown): Promise<Honour> {
  return post(`${mine(id)}/accept`, { nameShown }, Honour)
}

/** Not shown: declined, or consent withdrawn. */
export function declineHonour(id: string): Promise<Honour> {
  return post(`${mine(id)}/decline`, {}, Honour)
}

/** Staff: my jurisdiction's nominations, newest first. */
export function fetchStaffHonours(
  after?: string,
  filter: { region?: string | undefined; state?: HonourState | undefined } = {},
): Promise<StaffHonourPage> {
  return get('/staff/honours', StaffHonourPage, { ...filter, after, limit: 20 })
}

/** Staff: verified member riders of my jurisdiction whose name contains `name`. */
export async function findHonourRiders(name: string) {
  return (await get('/staff/honours/riders', HonourRiderList, { name })).items
}

export function nominateHonour(body: NominateHonourRequest): Promise<StaffHonour> {
  return post('/staff/honours', body, StaffHonour)
}

export function revokeHonour(id: string, reason: string): Promise<StaffHonour> {
  return post(`${staffPath(id)}/revoke`, { reason }, StaffHonour)
}
