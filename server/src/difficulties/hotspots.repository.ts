import { HOTSPOT_RADIUS_M } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import { ofFilter, type StaffFilter } from './difficulties.repository.ts'
import type { DifficultyCategoryColumn } from './difficulties.table.ts'

type Db = Kysely<Database>

export interface HotspotFilter extends Pick<StaffFilter, 'state' | 'category'> {
  /** When the jurisdiction is one county: its code, which an index finds fastest. */
  county?: string | undefined
}

/** A difficulty `d` of the jurisdiction and the filters (those of the staff list). */
function ofFilters(scope: StaffCaller, { county, ...filter }: HotspotFilter) {
  // The caller's own county by its code alone: that is its jurisdiction, and the planner
  // then knows how many rows to expect (it guesses a path's share far too low, and sorted
  // a county's 12,000 rows to group them instead of hashing).
  const where =
    county === scope.regionCode
      ? sql<boolean>`d.region_code = ${county}`
      : county
        ? sql<boolean>`(${withinScope(scope, sql.ref('d.region_path'))} and d.region_code = ${county})`
        : withinScope(scope, sql.ref('d.region_path'))
  return sql<boolean>`(${where} and ${ofFilter(filter)})`
}

/** The jurisdiction's difficulties of the filters. */
function filtered(db: Db, scope: StaffCaller, filter: HotspotFilter) {
  return db.selectFrom('difficulties as d').where(ofFilters(scope, filter))
}

/** Counts per county, category and state, with whether each has a place. */
export function countsByCounty(db: Db, scope: StaffCaller, filter: HotspotFilter) {
  return (
    filtered(db, scope, filter)
      .innerJoin('regions as r', 'r.code', 'd.region_code')
      .select([
        'r.code as region_code',
        'r.name as region_name',
        bytesOf<DifficultyCategoryColumn>('d.category').as('category'),
        bytesOf<'open' | 'closed'>('d.state').as('state'),
        sql<boolean>`d.lat is not null`.as('located'),
        (eb) => eb.fn.countAll<string>().as('n'),
      ])
      // r.code, not r.name: the name follows from the key, and a code compares faster.
      .groupBy(['r.code', sql`2`, sql`3`, sql`4`, sql`5`])
      .orderBy('r.code')
      .execute()
  )
}

/**
 * A text column compared on its bytes ("C"): the same groups, without the locale's string
 * comparison, which was most of a crowded county's grouping time.
 */
function bytesOf<T>(column: string) {
  return sql<T>`${sql.ref(column)} collate "C"`
}

/** Where a county's difficulties with a place are: the points the hot spots start from. */
export function locatedPoints(db: Db, scope: StaffCaller, filter: HotspotFilter) {
  return filtered(db, scope, filter)
    .select(['d.id', 'd.lat', 'd.lng'])
    .where('d.lat', 'is not', null)
    .execute()
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
        bytesOf<DifficultyCategoryColumn>('d.category').as('category'),
        bytesOf<'open' | 'closed'>('d.state').as('state'),
        bytesOf<string | null>('d.place_name').as('place_name'),
        (eb) => eb.fn.countAll<string>().as('n'),
      ])
      .groupBy(['c.id', sql`2`, sql`3`, sql`4`])
      .execute(),
    db
      .selectFrom('difficulties')
      .select(['id', 'place_name', 'place_address', 'lat', 'lng'])
      .where('id', 'in', [...centres])
      .execute(),
  ])
  return { counts, places }
}
