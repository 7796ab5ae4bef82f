import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type { HonourNameShownColumn, HonourStateColumn, RiderHonourTable } from './honours.table.ts'

type Db = Kysely<Database>

/** An honour with its city's and county's names. */
function honourQuery(db: Db) {
  return db
    .selectFrom('rider_honours as h')
    .innerJoin('regions as c', 'c.code', 'h.city_code')
    .innerJoin('regions as r', 'r.code', 'h.region_code')
    .selectAll('h')
    .select(['c.name as city_name', 'r.name as region_name'])
}

export type HonourRow = NonNullable<Awaited<ReturnType<typeof findHonourInScope>>>

/** Inside the caller's jurisdiction; outside it the honour does not exist (404). */
export function findHonourInScope(db: Db, caller: StaffCaller, id: string) {
  return honourQuery(db)
    .where('h.id', '=', id)
    .where(withinScope(caller, sql.ref('h.region_path')))
    .executeTakeFirst()
}

/** Locks the row for a change (the rider's answer racing a revocation sees the other's). */
export function lockHonour(db: Db, id: string) {
  return db
    .selectFrom('rider_honours')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export function findHonour(db: Db, id: string) {
  return honourQuery(db).where('h.id', '=', id).executeTakeFirst()
}

/** The rider's own honours, newest year first. */
export function listMyHonours(db: Db, userId: string) {
  return honourQuery(db)
    .where('h.user_id', '=', userId)
    .orderBy('h.year', 'desc')
    .orderBy('h.created_at', 'desc')
    .limit(100)
    .execute()
}

interface StaffFilter {
  year?: number | undefined
  state?: HonourStateColumn | undefined
}

function scoped(db: Db, scope: StaffCaller, filter: StaffFilter) {
  let q = db.selectFrom('rider_honours as h').where(withinScope(scope, sql.ref('h.region_path')))
  if (filter.year) q = q.where('h.year', '=', filter.year)
  if (filter.state) q = q.where('h.state', '=', filter.state)
  return q
}

/** The jurisdiction's honours, newest first; `limit + 1` rows tell if more follow. */
export function listHonoursInScope(
  db: Db,
  scope: StaffCaller,
  filter: StaffFilter & { limit: number },
  after: { at: Date; id: string } | undefined,
) {
  let q = scoped(db, scope, filter)
    .innerJoin('regions as c', 'c.code', 'h.city_code')
    .innerJoin('regions as r', 'r.code', 'h.region_code')
    .selectAll('h')
    .select(['c.name as city_name', 'r.name as region_name'])
  if (after)
    q = q.where(sql<boolean>`(h.created_at, h.id) < (${after.at}::timestamptz, ${after.id}::uuid)`)
  return q
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(filter.limit + 1)
    .execute()
}

/** How many honours the list holds with these filters, over all its pages. */
export async function countHonoursInScope(db: Db, scope: StaffCaller, filter: StaffFilter) {
  const row = await scoped(db, scope, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Verified member riders of the jurisdiction whose registered name contains `name`. */
export function findVerifiedRiders(db: Db, scope: StaffCaller, name: string | undefined) {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('regions as r', 'r.code', 'm.region_code')
    .innerJoin('regions as c', (join) =>
      join.on(sql<boolean>`c.path @> m.region_path and c.level = 'city'`),
    )
    .select([
      'm.id',
      'm.name',
      'm.platform',
      'r.name as region_name',
      'c.code as city_code',
      'c.name as city_name',
    ])
    .where(withinScope(scope, sql.ref('m.region_path')))
    .where('m.kind', '=', 'rider')
    .where('m.state', '=', 'verified')
  if (name) q = q.where(sql<boolean>`strpos(m.name, ${name}) > 0`)
  return q.orderBy('m.name').orderBy('m.id').limit(20).execute()
}

/** A verified rider registration inside the jurisdiction, for a nomination. */
export function findVerifiedRider(db: Db, scope: StaffCaller, membershipId: string) {
  return db
    .selectFrom('memberships as m')
    .select(['m.id', 'm.user_id', 'm.name', 'm.platform', 'm.region_code', 'm.region_path'])
    .select(['m.kind', 'm.state'])
    .where('m.id', '=', membershipId)
    .where(withinScope(scope, sql.ref('m.region_path')))
    .executeTakeFirst()
}

/** The rider's honour of that city and year that still counts (not revoked), if any. */
export function findCountingHonour(db: Db, userId: string, cityCode: string, year: number) {
  return db
    .selectFrom('rider_honours')
    .select(['id', 'state'])
    .where('user_id', '=', userId)
    .where('city_code', '=', cityCode)
    .where('year', '=', year)
    .where('state', '<>', 'revoked')
    .executeTakeFirst()
}

export async function insertHonour(
  db: Db,
  row: Pick<
    RiderHonourTable,
    | 'user_id'
    | 'membership_id'
    | 'region_code'
    | 'region_path'
    | 'city_code'
    | 'year'
    | 'rider_name'
    | 'platform'
    | 'citation'
    | 'nominated_by'
  >,
): Promise<string> {
  const inserted = await db
    .insertInto('rider_honours')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/** The rider's answer: shown under the name they chose, or not shown. */
export async function answerHonour(
  db: Db,
  id: string,
  answer:
    | { state: 'accepted'; nameShown: HonourNameShownColumn; shownName: string }
    | { state: 'declined' },
) {
  await db
    .updateTable('rider_honours')
    .set({
      state: answer.state,
      name_shown: answer.state === 'accepted' ? answer.nameShown : null,
      shown_name: answer.state === 'accepted' ? answer.shownName : null,
      answered_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute()
}

export async function revokeHonour(db: Db, id: string, staffId: string, reason: string) {
  await db
    .updateTable('rider_honours')
    .set({
      state: 'revoked',
      shown_name: null,
      revoked_by: staffId,
      revoke_reason: reason,
      revoked_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute()
}

/**
 * Public only while accepted and while the rider is still a verified member: a revoked or
 * withdrawn registration takes the honour off the list, as it takes a pledge off its page.
 */
const publicHonour = sql<boolean>`h.state = 'accepted' and exists (
  select 1 from memberships m where m.user_id = h.user_id and m.kind = 'rider' and m.state = 'verified')`

interface PublicFilter {
  year?: number | undefined
  city?: string | undefined
  limit: number
}

/**
 * Public honours only (`publicHonour`), newest year first; keyset on (year, created_at, id). Only the
 * columns the rider agreed to show are selected: no registration is joined.
 */
export function listPublicHonours(
  db: Db,
  filter: PublicFilter,
  after: { year: number; at: Date; id: string } | undefined,
) {
  let q = db
    .selectFrom('rider_honours as h')
    .innerJoin('regions as c', 'c.code', 'h.city_code')
    .select(['h.id', 'h.year', 'h.city_code', 'c.name as city_name', 'h.platform', 'h.citation'])
    .select(['h.shown_name', 'h.created_at'])
    .where(publicHonour)
  if (filter.year) q = q.where('h.year', '=', filter.year)
  if (filter.city) q = q.where('h.city_code', '=', filter.city)
  if (after)
    q = q.where(
      sql<boolean>`(h.year, h.created_at, h.id) < (${after.year}::smallint, ${after.at}::timestamptz, ${after.id}::uuid)`,
    )
  return q
    .orderBy('h.year', 'desc')
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(filter.limit + 1)
    .execute()
}

/** The years and the cities that have public honours, for the list's pickers. */
export async function publicHonourFacets(db: Db) {
  const [years, cities] = await Promise.all([
    db
      .selectFrom('rider_honours as h')
      .select('h.year')
      .distinct()
      .where(publicHonour)
      .orderBy('h.year', 'desc')
      .execute(),
    db
      .selectFrom('rider_honours as h')
      .innerJoin('regions as c', 'c.code', 'h.city_code')
      .select(['c.code', 'c.name'])
      .distinct()
      .where(publicHonour)
      .orderBy('c.code')
      .execute(),
  ])
  return { years: years.map((row) => row.year), cities }
}
