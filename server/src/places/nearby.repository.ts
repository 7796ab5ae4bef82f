import type { Facility, PlaceKind } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PlaceCursor } from '../kernel/keyset-cursor.ts'
import { textArray } from '../kernel/sql-arrays.ts'
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
  /** The nearest places whatever their distance: `radius` is not applied. */
  nearest: boolean
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
 * last row's (chord, id), the same in both modes. With `nearest` there is no box: the
 * same KNN scan simply runs until it has enough rows, however far they are.
 */
export function nearbyPlaces(
  db: Kysely<Database>,
  query: NearbyFilter,
  now: Date,
  after?: PlaceCursor,
) {
  return nearbyQuery(db, query, now, after).execute()
}

/** nearbyPlaces' statement, unexecuted: the tests read its plan. */
export function nearbyQuery(
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
    .where('p.status', '=', 'open')
  if (!query.nearest)
    inner = inner
      .where(sql<boolean>`earth_box(${centre}, ${query.radius}::float8) @> p.geo`)
      .where(distance, '<=', query.radius)
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
}

export type NearbyRow = Awaited<ReturnType<typeof nearbyPlaces>>[number]

/**
 * Stored places (any state) within `meters` of each point, in one statement: the import's
 * duplicate check for a batch. `point` is the index in `points`. Each point is two index
 * probes: open places in places_geo, the others in places_geo_not_open (migration 0017);
 * without the status conditions neither partial index applies and the table is scanned.
 */
export async function placesNearEach(
  db: Kysely<Database>,
  points: { lat: number; lng: number }[],
  meters: number,
) {
  if (points.length === 0) return []
  const lats = textArray(points.map((point) => point.lat))
  const lngs = textArray(points.map((point) => point.lng))
  const centre = sql`ll_to_earth(t.lat, t.lng)`
  const near = sql`earth_box(${centre}, ${meters}::float8) @> p.geo
    and earth_distance(${centre}, p.geo) <= ${meters}::float8`
  const { rows } = await sql<{ point: number; name: string; code: string }>`
    select (t.n - 1)::int as point, near.name, near.code
    from unnest(${lats}::float8[], ${lngs}::float8[]) with ordinality as t(lat, lng, n)
    cross join lateral (
      select p.name, p.code from places p where p.status = 'open' and ${near}
      union all
      select p.name, p.code from places p where p.status <> 'open' and ${near}
    ) near`.execute(db)
  return rows
}
