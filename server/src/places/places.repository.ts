import type { Facility, PlaceInput, PlaceKind, PlaceStatus } from '@djt/shared'
import { type Insertable, type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database, PlaceImportTable } from '../db/schema.ts'
import type { PlaceCursor } from '../kernel/keyset-cursor.ts'
import { textArray } from '../kernel/sql-arrays.ts'
import { hoursRows } from './hours.ts'
import { hasFacilities, openAt, summaryColumns } from './place-filters.ts'

type Db = Kysely<Database>

export interface PlaceSearch {
  regionPath?: string | undefined
  q?: string | undefined
  kinds: PlaceKind[]
  facilities: Facility[]
  openNow: boolean
  limit: number
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`

/** By name, id; `regionPath` a subtree, the keyword in the name or the address. */
export function searchPlaces(
  db: Db,
  search: PlaceSearch,
  now: Date,
  options: { after?: PlaceCursor | undefined; staff?: StaffCaller } = {},
) {
  let q = db
    .selectFrom('places as p')
    .select(summaryColumns)
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(search.limit + 1)
  q = options.staff
    ? q.where(withinScope(options.staff, sql.ref('p.region_path')))
    : q.where('p.status', '=', 'open')
  if (search.regionPath) q = q.where(sql<boolean>`p.region_path <@ ${search.regionPath}::ltree`)
  if (search.q) {
    const pattern = likePattern(search.q)
    q = q.where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.address', 'ilike', pattern)]))
  }
  if (search.kinds.length > 0) q = q.where('p.kind', 'in', search.kinds)
  if (search.facilities.length > 0) q = q.where(hasFacilities(search.facilities))
  if (search.openNow) q = q.where(openAt(now))
  const after = options.after
  if (after) q = q.where(sql<boolean>`(p.name, p.id) > (${after.key}, ${after.id}::uuid)`)
  return q.execute()
}

function detailQuery(db: Db) {
  return db
    .selectFrom('places as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .selectAll('p')
    .select('r.name as region_name')
}

/** What the public sees: open places only. */
export function findOpenPlace(db: Db, by: { id: string } | { code: string }) {
  const q = detailQuery(db).where('p.status', '=', 'open')
  return (
    'id' in by ? q.where('p.id', '=', by.id) : q.where('p.code', '=', by.code)
  ).executeTakeFirst()
}

/** Any state, inside the caller's jurisdiction; outside it the place does not exist. */
export function findPlaceInScope(db: Db, caller: StaffCaller, id: string, { lock = false } = {}) {
  const q = detailQuery(db)
    .where('p.id', '=', id)
    .where(withinScope(caller, sql.ref('p.region_path')))
  return (lock ? q.forUpdate('p') : q).executeTakeFirst()
}

export type PlaceDetailRow = NonNullable<Awaited<ReturnType<typeof findOpenPlace>>>

/** Column values of an entered place; `geo` recomputed from the point every time. */
export function placeColumns(place: PlaceInput, regionPath: string) {
  return {
    name: place.name,
    kind: place.kind,
    brand: place.brand ?? null,
    address: place.address,
    region_code: place.regionCode,
    region_path: regionPath,
    lat: place.location.lat,
    lng: place.location.lng,
    geo: sql`ll_to_earth(${place.location.lat}::float8, ${place.location.lng}::float8)`,
    always_open: place.hours.always,
    hours: place.hours,
    facilities: sql<string[]>`${textArray([...new Set(place.facilities)])}::text[]`,
    phone: place.phone || null,
    operator: place.operator,
    last_checked_on: place.lastCheckedOn ?? null,
    branch: place.kind === 'flow_branch' && place.branch ? place.branch : null,
    accepts_flow_members: place.kind === 'flow_branch' && !!place.branch?.acceptsFlowMembers,
  }
}

export async function insertPlace(
  db: Db,
  values: ReturnType<typeof placeColumns> & {
    code: string
    created_by: string | null
    demo?: boolean
  },
): Promise<string> {
  const row = await db.insertInto('places').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updatePlace(
  db: Db,
  id: string,
  change: { columns?: ReturnType<typeof placeColumns>; status?: PlaceStatus },
): Promise<void> {
  await db
    .updateTable('places')
    .set({ ...change.columns, ...(change.status ? { status: change.status } : {}) })
    .set({ updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export type NewPlace = ReturnType<typeof placeColumns> & { code: string; created_by: string | null }

/** Several places in one statement; their ids by code (codes are unique). */
export async function insertPlaces(db: Db, places: NewPlace[]): Promise<Map<string, string>> {
  if (places.length === 0) return new Map()
  const rows = await db.insertInto('places').values(places).returning(['id', 'code']).execute()
  return new Map(rows.map((row) => [row.code, row.id]))
}

/** Opening ranges of several new places in one statement. */
export async function insertHours(
  db: Db,
  rows: { place_id: string; weekday: number; open_min: number; close_min: number }[],
) {
  if (rows.length > 0) await db.insertInto('place_hours').values(rows).execute()
}

/** Which of these codes some place holds already. */
export async function codesTaken(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = await db.selectFrom('places').select('code').where('code', 'in', codes).execute()
  return new Set(rows.map((row) => row.code))
}

/** Every region by code, with its path and level: an import checks rows without a query each. */
export async function regionsByCode(db: Db) {
  const rows = await db.selectFrom('regions').select(['code', 'path', 'level']).execute()
  return new Map(rows.map((row) => [row.code, row]))
}

/** The week's ranges, rewritten whole. */
export async function replaceHours(db: Db, placeId: string, hours: PlaceInput['hours']) {
  await db.deleteFrom('place_hours').where('place_id', '=', placeId).execute()
  const rows = hoursRows(hours).map((row) => ({ place_id: placeId, ...row }))
  if (rows.length > 0) await db.insertInto('place_hours').values(rows).execute()
}

export function codeTaken(db: Db, code: string) {
  return db.selectFrom('places').select('id').where('code', '=', code).executeTakeFirst()
}

export function findRegion(db: Db, code: string) {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst()
}

/** The record of one place import, with its report. */
export function insertPlaceImport(db: Db, row: Insertable<PlaceImportTable>) {
  return db.insertInto('place_imports').values(row).returning('id').executeTakeFirstOrThrow()
}
