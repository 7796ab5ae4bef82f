import {
  type CoordinateSystem,
  type Facility,
  PlaceDetail,
  PlaceImportReport,
  type PlaceInput,
  type PlaceKind,
  PlacePage,
  type PlaceStatus,
} from '@djt/shared'
import { get, post, request } from './http'
import { type UploadSource, upload } from './transfer'

export type {
  CoordinateSystem,
  Facility,
  PlaceDetail,
  PlaceImportReport,
  PlaceInput,
  PlaceKind,
  PlacePage,
  PlaceStatus,
  PlaceSummary,
} from '@djt/shared'
export type { UploadSource } from './transfer'

/** What the rider narrowed the list to; empty lists mean "any". */
export interface PlaceFilters {
  kinds: PlaceKind[]
  facilities: Facility[]
  openNow: boolean
}

export interface Point {
  lat: number
  lng: number
}

const PAGE_SIZE = 20

function filterQuery(filters: PlaceFilters, after: string | undefined) {
  return {
    kinds: filters.kinds.join(',') || undefined,
    facilities: filters.facilities.join(',') || undefined,
    openNow: filters.openNow ? 'true' : undefined,
    limit: PAGE_SIZE,
    after,
  }
}

/** How far to look: within `radius` metres, or the nearest places however far. */
export type NearbyReach = { radius: number } | { nearest: true }

/** Places around a GCJ-02 point, nearest first; the point is used for this query only. */
export function placesNearby(
  point: Point,
  filters: PlaceFilters,
  reach: NearbyReach,
  after?: string,
): Promise<PlacePage> {
  return get('/places/nearby', PlacePage, {
    lat: point.lat,
    lng: point.lng,
    ...('nearest' in reach ? { nearest: 'true' } : { radius: reach.radius }),
    ...filterQuery(filters, after),
  })
}

/** Without a location: places in a region (a county and what lies under it), by keyword. */
export function searchPlaces(
  search: { region?: string | undefined; q?: string | undefined },
  filters: PlaceFilters,
  after?: string,
): Promise<PlacePage> {
  return get('/places', PlacePage, {
    region: search.region || undefined,
    q: search.q?.trim() || undefined,
    ...filterQuery(filters, after),
  })
}

export function fetchPlace(id: string): Promise<PlaceDetail> {
  return get(`/places/${encodeURIComponent(id)}`, PlaceDetail)
}

/** A place by the short code its QR plaque carries. */
/** Staff: one place of my jurisdiction in any status, for the edit form. */
export function fetchStaffPlace(id: string): Promise<PlaceDetail> {
  return get(`/staff/places/${encodeURIComponent(id)}`, PlaceDetail)
}

export function fetchPlaceByCode(code: string): Promise<PlaceDetail> {
  return get(`/places/code/${encodeURIComponent(code)}`, PlaceDetail)
}

/** Staff: every place in my jurisdiction, suspended and closed ones too. */
export function fetchJurisdictionPlaces(
  after?: string,
  region?: string,
  q?: string,
): Promise<PlacePage> {
  return get('/staff/places', PlacePage, { after, region, q })
}

export function createPlace(place: PlaceInput): Promise<PlaceDetail> {
  return post('/places', place, PlaceDetail)
}

/** New details, a new status (open, suspended, closed), or both. */
export function updatePlace(
  id: string,
  change: { place?: PlaceInput; status?: PlaceStatus },
): Promise<PlaceDetail> {
  return request({
    method: 'PATCH',
    path: `/places/${encodeURIComponent(id)}`,
    body: change,
    schema: PlaceDetail,
  })
}

/** A CSV, XLSX or GeoJSON file of places whose coordinates are in `crs`. */
export function importPlaces(
  crs: CoordinateSystem,
  file: UploadSource,
): Promise<PlaceImportReport> {
  return upload(`/places/imports?crs=${crs}`, file, PlaceImportReport)
}
