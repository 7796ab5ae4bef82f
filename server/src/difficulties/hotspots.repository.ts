import { HOTSPOT_RADIUS_M } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type { DifficultyCategoryColumn } from './difficulties.table.ts'

type Db = Kysely<Database>

export interface HotspotFilter {
  state?: 'open' | 'closed' | undefined
  category?: DifficultyCategoryColumn | undefined
  /** When the jurisdiction is one county: its code, which an index finds fastest. */
  county?: string | undefined
}

/** A difficulty `d` of the jurisdiction and the filters. */
function ofFilters(scope: StaffCaller, filter: HotspotFilter) {
  const parts = [withinScope(scope, sql.ref('d.region_path'))]
  if (filter.county) parts.push(sql<boolean>`d.region_code = ${filter.county}`)
  if (filter.state) parts.push(sql<boolean>`d.state = ${filter.state}`)
  if (filter.category) parts.push(sql<boolean>`d.category = ${filter.category}`)
  return sql<boolean>`(${sql.join(parts, sql` and `)})`
}

/** The jurisdiction's difficulties of the filters. */
function filtered(db: Db, scope: StaffCaller, filter: HotspotFilter) {
  return db.selectFrom('difficulties as d').where(ofFilters(scope, filter))
}

/** Counts per county, category and state, with whether each has a place. */
export function countsByCounty(db: Db, scope: StaffCaller, filter: HotspotFilter) {
  return filtered(db, scope, filter)
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .select([
      'd.region_code',
      'r.name as region_name',
      'd.category',
      'd.state',
      sql<boolean>`d.lat is not null`.as('located'),
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .groupBy(['d.region_code', 'r.name', 'd.category', 'd.state', sql`d.lat is not null`])
    .orderBy('d.region_code')
    .execute()
}

/** Where a county's difficulties with a place are: the points the hot spots start from. */
export function locatedPoints(db: Db, scope: StaffCaller, filter: HotspotFilter) {
  return filtered(db, scope, filter)
    .select(['d.id', 'd.lat', 'd.lng'])
    .where('d.lat', 'is not', null)
    .execute()
}

/**
 * The difficulties within the radius of `near`'s place: the list of a spot (`near=` on the
 * staff list), by the same earth_box and earth_distance as spotCounts, so they agree.
 */
export function withinRadiusOf(near: string) {
  const centre = sql`(select c.geo from difficulties c where c.id = ${near}::uuid)`
  return sql<boolean>`(earth_box(${centre}, ${HOTSPOT_RADIUS_M}) @> d.geo
    and earth_distance(${centre}, d.geo) <= ${HOTSPOT_RADIUS_M})`
}

/**
 * Each centre's place and the counts, by category, state and the place's name, of the
 * difficulties around it.
 */
export async function spotCounts(
  db: Db,
  scope: StaffCaller,
  filter: HotspotFilter,
  centres: readonly string[],
) {
  if (centres.length === 0) return { counts: [], places: [] }
  const [counts, places] = await Promise.all([
    // Each centre's neighbours through the index on geo first (offset 0 keeps the filters
    // out of the subquery, where the planner would scan the county instead: 20 against
    // 44 ms for 20 centres in a county of 12,000), then the filters.
    db
      .selectFrom('difficulties as c')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('difficulties as d')
            .select([
              'd.category',
              'd.state',
              'd.place_name',
              'd.geo',
              'd.region_code',
              'd.region_path',
            ])
            .where(sql<boolean>`earth_box(c.geo, ${HOTSPOT_RADIUS_M}) @> d.geo`)
            .offset(0)
            .as('d'),
        (join) => join.onTrue(),
      )
      .where('c.id', 'in', [...centres])
      .where(sql<boolean>`earth_distance(c.geo, d.geo) <= ${HOTSPOT_RADIUS_M}`)
      .where(ofFilters(scope, filter))
      .select([
        'c.id',
        'd.category',
        'd.state',
        'd.place_name',
        (eb) => eb.fn.countAll<string>().as('n'),
      ])
      .groupBy(['c.id', 'd.category', 'd.state', 'd.place_name'])
      .execute(),
    db
      .selectFrom('difficulties')
      .select(['id', 'place_name', 'place_address', 'lat', 'lng'])
      .where('id', 'in', [...centres])
      .execute(),
  ])
  return { counts, places }
}
