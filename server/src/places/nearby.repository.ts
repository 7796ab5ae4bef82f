import type { Facility, PlaceKind } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PlaceCursor } from './place-cursor.ts'
import { hasFacilities, openAt, summaryColumns } from './place-filters.ts'

/** NearbyQuery as validated; the location is used for this query only, never stored. */
export interface NearbyFilter {
  lat: number
  lng: number
  radius: number
  kinds: PlaceKind[]
  facilities: Facility[]
  openNow: boolean
  limit: number
}

/**
 * Open places within `radius` metres, nearest first (distance, id), `limit + 1` rows so the
 * caller knows whether a next page exists. The earth_box test uses the gist index on `geo`;
 * earth_distance then trims the box's corners to the circle.
 */
export function nearbyPlaces(
  db: Kysely<Database>,
  query: NearbyFilter,
  now: Date,
  after?: PlaceCursor,
) {
  const centre = sql`ll_to_earth(${query.lat}::float8, ${query.lng}::float8)`
  const distance = sql<number>`earth_distance(${centre}, p.geo)`
  let inner = db
    .selectFrom('places as p')
    .select(summaryColumns)
    .select(distance.as('distance'))
    .where(sql<boolean>`earth_box(${centre}, ${query.radius}::float8) @> p.geo`)
    .where(distance, '<=', query.radius)
    .where('p.status', '=', 'open')
  if (query.kinds.length > 0) inner = inner.where('p.kind', 'in', query.kinds)
  if (query.facilities.length > 0) inner = inner.where(hasFacilities(query.facilities))
  if (query.openNow) inner = inner.where(openAt(now))
  let outer = db.selectFrom(inner.as('n')).selectAll('n')
  if (after)
    outer = outer.where(
      sql<boolean>`(n.distance, n.id) > (${Number(after.key)}::float8, ${after.id}::uuid)`,
    )
  return outer
    .orderBy('n.distance')
    .orderBy('n.id')
    .limit(query.limit + 1)
    .execute()
}

export type NearbyRow = Awaited<ReturnType<typeof nearbyPlaces>>[number]

/** Stored places (any state) within `meters` of a point: the import's duplicate check. */
export function placesWithin(
  db: Kysely<Database>,
  point: { lat: number; lng: number },
  meters: number,
) {
  const centre = sql`ll_to_earth(${point.lat}::float8, ${point.lng}::float8)`
  return db
    .selectFrom('places as p')
    .select(['p.id', 'p.name', 'p.code'])
    .where(sql<boolean>`earth_box(${centre}, ${meters}::float8) @> p.geo`)
    .where(sql<number>`earth_distance(${centre}, p.geo)`, '<=', meters)
    .execute()
}
