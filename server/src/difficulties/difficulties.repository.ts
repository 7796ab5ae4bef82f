import { HOTSPOT_RADIUS_M } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type {
  DifficultyCategoryColumn,
  DifficultyEventKindColumn,
  DifficultyOutcomeColumn,
  DifficultyTable,
} from './difficulties.table.ts'

type Db = Kysely<Database>

/** A difficulty with its county's name, its 我也遇到 count and the rider's registered name. */
function difficultyQuery(db: Db) {
  return db
    .selectFrom('difficulties as d')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .leftJoin('memberships as m', 'm.id', 'd.membership_id')
    .selectAll('d')
    .select(['r.name as region_name', 'm.name as rider_name'])
    .select((eb) =>
      eb
        .selectFrom('difficulty_me_too as t')
        .whereRef('t.difficulty_id', '=', 'd.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('me_too'),
    )
}

export type DifficultyRow = NonNullable<Awaited<ReturnType<typeof findDifficulty>>>

export function findDifficulty(db: Db, id: string) {
  return difficultyQuery(db).where('d.id', '=', id).executeTakeFirst()
}

/** Inside the caller's jurisdiction; outside it the difficulty does not exist (404). */
export function findDifficultyInScope(db: Db, caller: StaffCaller, id: string) {
  return difficultyQuery(db)
    .where('d.id', '=', id)
    .where(withinScope(caller, sql.ref('d.region_path')))
    .executeTakeFirst()
}

/** Locks the row for a change (a reply racing a close sees the other's result). */
export function lockDifficulty(db: Db, id: string) {
  return db
    .selectFrom('difficulties')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export function listMyDifficulties(db: Db, userId: string) {
  return difficultyQuery(db)
    .where('d.user_id', '=', userId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(100)
    .execute()
}

export interface StaffFilter {
  state?: 'open' | 'closed' | undefined
  category?: DifficultyCategoryColumn | undefined
  /** A hot spot's list: within its radius of this difficulty's place. */
  near?: string | undefined
  /** The ledger's figures: raised in this China year, answered within a week, solved. */
  year?: number | undefined
  answered?: 'within_week' | undefined
  outcome?: DifficultyOutcomeColumn | undefined
}

/**
 * The filters every staff list and count shares; the ledger's ones by the expressions of
 * ledger_difficulty_rows (ledger_tallies.sql), so a figure and its list agree.
 */
export function ofFilter(filter: StaffFilter) {
  const parts = []
  if (filter.state) parts.push(sql<boolean>`d.state = ${filter.state}`)
  if (filter.category) parts.push(sql<boolean>`d.category = ${filter.category}`)
  if (filter.near) parts.push(withinRadiusOf(filter.near))
  if (filter.year !== undefined)
    parts.push(sql<boolean>`ledger_activity_year(d.created_at) = ${filter.year}`)
  if (filter.answered === 'within_week')
    parts.push(
      sql<boolean>`(d.answered_at is not null and d.answered_at <= d.created_at + interval '7 days')`,
    )
  if (filter.outcome) parts.push(sql<boolean>`d.outcome = ${filter.outcome}`)
  return parts.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(parts, sql` and `)})`
}

/**
 * The difficulties within the radius of `near`'s place: the list of a spot (`near=` on the
 * staff list), by the same earth_box and earth_distance as spotCounts, so they agree.
 */
function withinRadiusOf(near: string) {
  const centre = sql`(select c.geo from difficulties c where c.id = ${near}::uuid)`
  return sql<boolean>`(earth_box(${centre}, ${HOTSPOT_RADIUS_M}) @> d.geo
    and earth_distance(${centre}, d.geo) <= ${HOTSPOT_RADIUS_M})`
}

function inScope(db: Db, scope: StaffCaller, filter: StaffFilter) {
  return db
    .selectFrom('difficulties as d')
    .where(withinScope(scope, sql.ref('d.region_path')))
    .where(ofFilter(filter))
}

/** One page of the jurisdiction's difficulties, oldest first; `limit + 1` rows tell if more follow. */
export function listDifficultiesInScope(
  db: Db,
  scope: StaffCaller,
  filter: StaffFilter & { limit: number },
  after: { at: Date; id: string } | undefined,
) {
  let q = difficultyQuery(db)
    .where(withinScope(scope, sql.ref('d.region_path')))
    .where(ofFilter(filter))
  if (after)
    q = q.where(sql<boolean>`(d.created_at, d.id) > (${after.at}::timestamptz, ${after.id}::uuid)`)
  return q
    .orderBy('d.created_at')
    .orderBy('d.id')
    .limit(filter.limit + 1)
    .execute()
}

export async function countDifficultiesInScope(db: Db, scope: StaffCaller, filter: StaffFilter) {
  const row = await inScope(db, scope, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertDifficulty(
  db: Db,
  row: Omit<DifficultyTable, 'id' | 'state' | 'geo' | 'created_at' | 'updated_at'>,
): Promise<string> {
  const geo =
    row.lat === null || row.lng === null
      ? null
      : sql`ll_to_earth(${row.lat}::float8, ${row.lng}::float8)`
  const inserted = await db
    .insertInto('difficulties')
    .values({ ...row, geo })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function insertDifficultyPhotos(db: Db, id: string, photoIds: readonly string[]) {
  if (photoIds.length === 0) return
  await db
    .insertInto('difficulty_photos')
    .values(
      photoIds.map((photoId, i) => ({ difficulty_id: id, position: i + 1, photo_id: photoId })),
    )
    .execute()
}

export async function photoIdsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string[]>()
  const rows = await db
    .selectFrom('difficulty_photos')
    .select(['difficulty_id', 'photo_id'])
    .where('difficulty_id', 'in', ids)
    .orderBy('difficulty_id')
    .orderBy('position')
    .execute()
  const byId = new Map<string, string[]>()
  for (const row of rows)
    byId.set(row.difficulty_id, [...(byId.get(row.difficulty_id) ?? []), row.photo_id])
  return byId
}

export async function isDifficultyPhoto(db: Db, id: string, photoId: string) {
  const row = await db
    .selectFrom('difficulty_photos')
    .select('photo_id')
    .where('difficulty_id', '=', id)
    .where('photo_id', '=', photoId)
    .executeTakeFirst()
  return row !== undefined
}

export async function addEvent(
  db: Db,
  event: {
    difficultyId: string
    kind: DifficultyEventKindColumn
    text?: string | null
    toRegion?: string | null
    actorId: string | null
  },
) {
  await db
    .insertInto('difficulty_events')
    .values({
      difficulty_id: event.difficultyId,
      kind: event.kind,
      text: event.text ?? null,
      to_region: event.toRegion ?? null,
      actor_id: event.actorId,
    })
    .execute()
}

export async function eventsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('difficulty_events as e')
    .leftJoin('regions as r', 'r.code', 'e.to_region')
    .select(['e.difficulty_id', 'e.kind', 'e.text', 'e.at', 'r.name as region_name'])
    .where('e.difficulty_id', 'in', ids)
    .orderBy('e.difficulty_id')
    .orderBy('e.id')
    .execute()
}

export type DifficultyEventRow = Awaited<ReturnType<typeof eventsOf>>[number]

/** The first answer (a reply or the close) sets answered_at; it never moves afterwards. */
export async function markAnswered(db: Db, id: string) {
  await db
    .updateTable('difficulties')
    .set({ answered_at: sql`coalesce(answered_at, now())`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export async function moveDifficulty(db: Db, id: string, region: { code: string; path: string }) {
  await db
    .updateTable('difficulties')
    .set({ region_code: region.code, region_path: region.path, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export async function closeDifficulty(
  db: Db,
  id: string,
  outcome: DifficultyOutcomeColumn,
  note: string | null,
) {
  await db
    .updateTable('difficulties')
    .set({
      state: 'closed',
      outcome,
      outcome_note: note,
      closed_at: sql`now()`,
      answered_at: sql`coalesce(answered_at, now())`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute()
}

export async function setHelpful(db: Db, id: string, helpful: boolean) {
  await db
    .updateTable('difficulties')
    .set({ helpful, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

/** How many difficulties the rider raised since `since` (the start of the China day). */
export async function countRaisedSince(db: Db, userId: string, since: Date) {
  const row = await db
    .selectFrom('difficulties')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Adds the rider's 我也遇到 once; false when it was already there. */
export async function addMeToo(db: Db, id: string, userId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('difficulty_me_too')
    .values({ difficulty_id: id, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .returning('difficulty_id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** Open difficulties with a place within `radius` metres, nearest first; the point is not kept. */
export function nearbyOpenDifficulties(
  db: Db,
  userId: string,
  query: { lat: number; lng: number; radius: number; category?: DifficultyCategoryColumn },
) {
  const centre = sql`ll_to_earth(${query.lat}::float8, ${query.lng}::float8)`
  const distance = sql<number>`earth_distance(${centre}, d.geo)`
  let q = difficultyQuery(db)
    .select([
      distance.as('distance'),
      sql<boolean>`exists (select 1 from difficulty_me_too t where t.difficulty_id = d.id and t.user_id = ${userId})`.as(
        'me_too_by_me',
      ),
    ])
    .where('d.state', '=', 'open')
    .where(sql<boolean>`earth_box(${centre}, ${query.radius}::float8) @> d.geo`)
    .where(distance, '<=', query.radius)
  if (query.category) q = q.where('d.category', '=', query.category)
  return q.orderBy(distance).orderBy('d.id').limit(20).execute()
}

/** The rider's verified registration, if any: the county a difficulty without a place goes to. */
export function findRiderRegistration(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'state', 'region_code', 'region_path'])
    .where('user_id', '=', userId)
    .where('state', 'not in', ['withdrawn', 'revoked'])
    .executeTakeFirst()
}

export function findCounty(db: Db, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'path', 'level'])
    .where('code', '=', code)
    .executeTakeFirst()
}
