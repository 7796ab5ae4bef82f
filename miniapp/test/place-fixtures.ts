import type { Checkin, PlaceDetail, PlaceSummary } from '@djt/shared'

export const PLACE_ID = '7d1c5b8e-1111-4c2d-9e3f-000000000001'
export const BRANCH_ID = '7d1c5b8e-2222-4c2d-9e3f-000000000002'

/** 东街口爱心驿站 as GET /places/nearby lists it, 150 m away. */
export function placeSummary(overrides: Partial<PlaceSummary> = {}): PlaceSummary {
  return {
    id: PLACE_ID,
    code: 'GL0001',
    name: '东街口爱心驿站',
    kind: 'care_station',
    address: '鼓楼区东街口百货大楼一层',
    regionCode: '350102',
    lat: 26.0872,
    lng: 119.2971,
    distanceMeters: 150,
    openNow: true,
    always: false,
    facilities: ['toilet', 'water', 'charging'],
    status: 'open',
    phone: '0591-87654321',
    ...overrides,
  }
}

export function placeDetail(overrides: Partial<PlaceDetail> = {}): PlaceDetail {
  const { distanceMeters: _none, ...summary } = placeSummary()
  return {
    ...summary,
    brand: 'love_station',
    regionName: '福建省福州市鼓楼区',
    hours: {
      always: false,
      days: Array.from({ length: 7 }, () => [{ open: '08:00', close: '20:00' }]),
    },
    operator: 'union',
    lastCheckedOn: '2026-10-01',
    branch: null,
    ...overrides,
  }
}

export function branchDetail(overrides: Partial<PlaceDetail> = {}): PlaceDetail {
  return placeDetail({
    id: BRANCH_ID,
    code: 'GL0002',
    name: '东街流动党员党支部',
    kind: 'flow_branch',
    brand: null,
    branch: {
      orgForm: 'flow_branch',
      affiliation: '美团鼓楼站点',
      contactName: '陈支书',
      contactPhone: '13900001111',
      acceptsFlowMembers: true,
    },
    ...overrides,
  })
}

export function checkin(overrides: Partial<Checkin> = {}): Checkin {
  return {
    id: '9a8b7c6d-3333-4e5f-8a9b-000000000003',
    placeId: BRANCH_ID,
    placeName: '东街流动党员党支部',
    memberName: '林测试',
    state: 'pending',
    note: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    decidedAt: null,
    ...overrides,
  }
}
