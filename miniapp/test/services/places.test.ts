import { describe, expect, it } from 'vitest'
import { checkIn, decideCheckin, fetchCheckins, fetchMyCheckins } from '../../src/services/checkins'
import {
  createPlace,
  fetchJurisdictionPlaces,
  fetchPlaceByCode,
  placesNearby,
  searchPlaces,
  updatePlace,
} from '../../src/services/places'
import { apiFailure, callsTo, ok, routeRequests } from '../fixtures'
import { BRANCH_ID, checkin, placeDetail, placeSummary } from '../place-fixtures'

const page = { items: [placeSummary()], next: 'cursor-2' }
const filters = {
  kinds: ['care_station', 'canteen'] as const,
  facilities: ['water'] as const,
  openNow: true,
}

describe('place calls', () => {
  it('asks for nearby places with the point, the chips as lists and the cursor', async () => {
    routeRequests({ 'GET /places/nearby': ok(page) })

    const answer = await placesNearby(
      { lat: 26.0865, lng: 119.2965 },
      { ...filters, kinds: [...filters.kinds], facilities: [...filters.facilities] },
      { radius: 5000 },
      'cursor-1',
    )

    expect(answer.next).toBe('cursor-2')
    expect(callsTo('GET /places/nearby')[0]?.data).toEqual({
      lat: 26.0865,
      lng: 119.2965,
      radius: 5000,
      kinds: 'care_station,canteen',
      facilities: 'water',
      openNow: 'true',
      limit: 20,
      after: 'cursor-1',
    })
  })

  it('asks for the nearest places however far without a radius', async () => {
    routeRequests({ 'GET /places/nearby': ok(page) })
    await placesNearby(
      { lat: 1, lng: 2 },
      { kinds: [], facilities: [], openNow: false },
      {
        nearest: true,
      },
    )
    expect(callsTo('GET /places/nearby')[0]?.data).toEqual({
      lat: 1,
      lng: 2,
      nearest: 'true',
      limit: 20,
    })
  })

  it('leaves out what is not chosen when searching by county', async () => {
    routeRequests({ 'GET /places': ok({ items: [], next: null }) })

    await searchPlaces({ region: '350102', q: ' ' }, { kinds: [], facilities: [], openNow: false })

    expect(callsTo('GET /places')[0]?.data).toEqual({ region: '350102', limit: 20 })
  })

  it('refuses a page that breaks the contract', async () => {
    routeRequests({ 'GET /places/nearby': ok({ items: [{ name: 'x' }], next: null }) })
    await expect(
      placesNearby(
        { lat: 1, lng: 1 },
        { kinds: [], facilities: [], openNow: false },
        {
          radius: 3000,
        },
      ),
    ).rejects.toMatchObject({
      code: 'invalid_response',
    })
  })

  it('finds a place by its plaque code, encoded', async () => {
    routeRequests({ 'GET /places/code/GL%2B1': ok(placeDetail({ code: 'GL+1' })) })
    expect((await fetchPlaceByCode('GL+1')).code).toBe('GL+1')
  })

  it('creates, edits and suspends with the right verbs', async () => {
    const detail = placeDetail()
    routeRequests({
      'POST /places': { ...ok(detail), statusCode: 201 },
      [`PATCH /places/${detail.id}`]: ok({ ...detail, status: 'suspended' }),
      'GET /staff/places': ok(page),
    })
    const input = {
      name: detail.name,
      kind: detail.kind,
      address: detail.address,
      regionCode: detail.regionCode,
      location: { lat: detail.lat, lng: detail.lng },
      hours: detail.hours,
      facilities: detail.facilities,
      operator: detail.operator,
    }

    await createPlace(input)
    const suspended = await updatePlace(detail.id, { status: 'suspended' })
    await fetchJurisdictionPlaces()

    expect(callsTo('POST /places')[0]?.data).toEqual(input)
    expect(callsTo(`PATCH /places/${detail.id}`)[0]?.data).toEqual({ status: 'suspended' })
    expect(suspended.status).toBe('suspended')
  })
})

describe('check-in calls', () => {
  it('posts a check-in with its note and reads mine', async () => {
    routeRequests({
      [`POST /places/${BRANCH_ID}/checkins`]: { ...ok(checkin()), statusCode: 201 },
      'GET /checkins/mine': ok({ items: [checkin({ state: 'approved' })] }),
    })

    expect((await checkIn(BRANCH_ID, ' 新到鼓楼 ')).state).toBe('pending')
    expect((await fetchMyCheckins())[0]?.state).toBe('approved')
    expect(callsTo(`POST /places/${BRANCH_ID}/checkins`)[0]?.data).toEqual({ note: '新到鼓楼' })
  })

  it("hands the server's Chinese refusal over", async () => {
    routeRequests({
      [`POST /places/${BRANCH_ID}/checkins`]: apiFailure(
        403,
        'forbidden',
        '请先完成党员登记并通过核验',
      ),
    })
    await expect(checkIn(BRANCH_ID)).rejects.toMatchObject({
      status: 403,
      message: '请先完成党员登记并通过核验',
    })
  })

  it('lists pending check-ins for staff and posts a decision', async () => {
    const item = checkin()
    routeRequests({
      'GET /review/checkins': ok({ items: [item], next: null, total: 1 }),
      [`POST /review/checkins/${item.id}/decision`]: ok({ ...item, state: 'declined' }),
    })

    expect((await fetchCheckins('pending')).items).toHaveLength(1)
    await decideCheckin(item.id, { decision: 'decline', note: '不在本片区' })

    expect(callsTo('GET /review/checkins')[0]?.data).toEqual({ state: 'pending' })
    expect(callsTo(`POST /review/checkins/${item.id}/decision`)[0]?.data).toEqual({
      decision: 'decline',
      note: '不在本片区',
    })
  })
})
