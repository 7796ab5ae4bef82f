import {
  BranchInfo,
  type ChinaMoment,
  type Facility,
  OpeningHours,
  type PlaceDetail,
  type PlaceKind,
  type PlaceStatus,
  type PlaceSummary,
} from '@djt/shared'
import { isOpenAt } from './hours.ts'
import type { PlaceDetailRow } from './places.repository.ts'

interface SummaryRow {
  id: string
  code: string
  name: string
  kind: string
  address: string
  region_code: string
  lat: number
  lng: number
  always_open: boolean
  hours: unknown
  facilities: string[]
  status: string
  phone: string | null
  distance?: number
}

export function toPlaceSummary(row: SummaryRow, now: Date | ChinaMoment): PlaceSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as PlaceKind,
    address: row.address,
    regionCode: row.region_code,
    lat: row.lat,
    lng: row.lng,
    ...(row.distance === undefined ? {} : { distanceMeters: Math.round(row.distance) }),
    openNow: row.status === 'open' && isOpenAt(OpeningHours.parse(row.hours), now),
    always: row.always_open,
    facilities: row.facilities as Facility[],
    status: row.status as PlaceStatus,
    phone: row.phone,
  }
}

export function toPlaceDetail(row: PlaceDetailRow, now: Date): PlaceDetail {
  return {
    ...toPlaceSummary(row, now),
    brand: row.brand,
    regionName: row.region_name,
    hours: OpeningHours.parse(row.hours),
    operator: row.operator,
    lastCheckedOn: row.last_checked_on,
    branch: BranchInfo.nullable().parse(row.branch ?? null),
  }
}
