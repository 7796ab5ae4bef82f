import type { Facility, PlaceKind } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import { textArray } from '../registers/sql-arrays.ts'
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
 * Ties at one exact distance beyond this many could split across pages: the inner query
 * orders by distance alone (so the index can stop early), the outer one by (distance, id).
 */
const TIE_SLACK = 50

/**
 * Open places within `radius` metres, nearest first, `limit + 1` rows so the caller knows
 * whether a next page exists. The gist index on `geo` answers `geo <-> centre` nearest
 * first (KNN) and stops after enough rows, instead of sorting every place in the box:
 * the chord distance orders exactly like the great-circle one. The page cursor is the
 * last row's (chord, id).
 */
export function nearbyPlaces(
  db: Kysely<Database>,
  query: NearbyFilter,
  now: Date,
  after?: PlaceCursor,
) {
  const centre = sql`ll_to_earth(${query.lat}::float8, ${query.lng}::float8)`
  const chord = sql<number>`p.geo <-> ${centre}`
  const distance = sql<number>`earth_distance(${centre}, p.geo)`
  let inner = db
    .selectFrom('places as p')
    .select(summaryColumns)
    .select([chord.as('chord'), distance.as('distance')])
    .where(sql<boolean>`earth_box(${centre}, ${query.radius}::float8) @> p.geo`)
    .where(distance, '<=', query.radius)
    .where('p.status', '=', 'open')
  if (query.kinds.length > 0) inner = inner.where('p.kind', 'in', query.kinds)
  if (query.facilities.length > 0) inner = inner.where(hasFacilities(query.facilities))
  if (query.openNow) inner = inner.where(openAt(now))
  if (after) inner = inner.where(chord, '>=', Number(after.key))
  const nearest = inner.orderBy(chord).limit(query.limit + 1 + TIE_SLACK)
  let outer = db.selectFrom(nearest.as('n')).selectAll('n')
  if (after)
    outer = outer.where(
      sql<boolean>`(n.chord, n.id) > (${Number(after.key)}::float8, ${after.id}::uuid)`,
    )
  return outer
    .orderBy('n.chord')
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

/**
 * Stored places (any state) within `meters` of each point, in one statement: the import's
 * duplicate check for a batch. `point` is the index in `points`. One index probe per point
 * (`earth_box … @> geo` on the gist index), as placesWithin does for one.
 */
export async function placesNearEach(
  db: Kysely<Database>,
  points: { lat: number; lng: number }[],
  meters: number,
) {
  if (points.length === 0) return []
  const lats = textArray(points.map((point) => point.lat))
  const lngs = textArray(points.map((point) => point.lng))
  const { rows } = await sql<{ point: number; name: string; code: string }>`
    select (t.n - 1)::int as point, p.name, p.code
    from unnest(${lats}::float8[], ${lngs}::float8[]) with ordinality as t(lat, lng, n)
    cross join lateral (select ll_to_earth(t.lat, t.lng) as centre) c
    join places p on earth_box(c.centre, ${meters}::float8) @> p.geo
      and earth_distance(c.centre, p.geo) <= ${meters}::float8`.execute(db)
  return rows
}
