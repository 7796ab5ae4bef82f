import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type { ActivityStateColumn, ActivityTable } from './activities.table.ts'

type Db = Kysely<Database>

/** An activity with its place's and branch's names and how many have signed up. */
export function activityQuery(db: Db) {
  return db
    .selectFrom('activities as a')
    .leftJoin('places as v', 'v.id', 'a.place_id')
    .leftJoin('places as b', 'b.id', 'a.branch_id')
    .selectAll('a')
    .select(['v.name as place_name', 'b.name as branch_name'])
    .select((eb) =>
      eb
        .selectFrom('activity_signups as s')
        .whereRef('s.activity_id', '=', 'a.id')
        .where('s.state', '=', 'active')
        .select(eb.fn.countAll<string>().as('n'))
        .as('signed_up'),
    )
}

export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findActivity>>>

export function findActivity(db: Db, id: string) {
  return activityQuery(db).where('a.id', '=', id).executeTakeFirst()
}

/** Inside the caller's jurisdiction; outside it the activity does not exist (404). */
export function findActivityInScope(db: Db, caller: StaffCaller, id: string) {
  return activityQuery(db)
    .where('a.id', '=', id)
    .where(withinScope(caller, sql.ref('a.region_path')))
    .executeTakeFirst()
}

/** Locks the row: sign-ups, edits and closing of one activity run one at a time. */
export function lockActivity(db: Db, id: string) {
  return db.selectFrom('activities').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export type ActivityColumns = Omit<
  ActivityTable,
  | 'id'
  | 'geo'
  | 'state'
  | 'cancel_reason'
  | 'cancelled_at'
  | 'minutes'
  | 'closed_at'
  | 'created_by'
  | 'reminded_at'
  | 'signups_active'
  | 'attended'
  | 'created_at'
  | 'updated_at'
>

const geoOf = (columns: ActivityColumns) =>
  sql`ll_to_earth(${columns.lat}::float8, ${columns.lng}::float8)`

export async function insertActivity(
  db: Db,
  columns: ActivityColumns,
  createdBy: string,
): Promise<string> {
  const row = await db
    .insertInto('activities')
    .values({ ...columns, geo: geoOf(columns), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateActivity(db: Db, id: string, columns: ActivityColumns) {
  await db
    .updateTable('activities')
    .set({
      ...columns,
      geo: geoOf(columns),
      updated_at: sql`now()`,
      // A new start time is reminded of again; the same one is not.
      reminded_at: sql`case when starts_at = ${columns.starts_at} then reminded_at end`,
    })
    .where('id', '=', id)
    .execute()
}

export async function cancelActivity(db: Db, id: string, reason: string) {
  await db
    .updateTable('activities')
    .set({ state: 'cancelled', cancel_reason: reason, cancelled_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export async function closeActivity(db: Db, id: string, minutes: string) {
  await db
    .updateTable('activities')
    .set({ state: 'closed', minutes, closed_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

/** The closing record's photos, numbered from 1 in the order given. */
export async function insertActivityPhotos(
  db: Db,
  activity: { id: string; regionCode: string },
  photoIds: readonly string[],
) {
  if (photoIds.length === 0) return
  await db
    .insertInto('activity_photos')
    .values(
      photoIds.map((photoId, i) => ({
        activity_id: activity.id,
        region_code: activity.regionCode,
        position: i + 1,
        photo_id: photoId,
      })),
    )
    .execute()
}

export async function listActivityPhotoIds(db: Db, activityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('activity_photos')
    .select('photo_id')
    .where('activity_id', '=', activityId)
    .orderBy('position')
    .execute()
  return rows.map((row) => row.photo_id)
}

/** Whether the photo belongs to that activity's record. */
export async function isActivityPhoto(db: Db, activityId: string, photoId: string) {
  const row = await db
    .selectFrom('activity_photos')
    .select('photo_id')
    .where('activity_id', '=', activityId)
    .where('photo_id', '=', photoId)
    .executeTakeFirst()
  return row !== undefined
}

function activitiesInScope(db: Db, caller: StaffCaller, state?: ActivityStateColumn) {
  let q = db.selectFrom('activities as a').where(withinScope(caller, sql.ref('a.region_path')))
  if (state) q = q.where('a.state', '=', state)
  return q
}

/** One page, latest start first, keyset on (starts_at, id); `limit + 1` rows tell if more follow. */
export function listActivitiesInScope(
  db: Db,
  caller: StaffCaller,
  query: { state?: ActivityStateColumn | undefined; limit: number },
  after?: { at: Date; id: string },
) {
  let q = activityQuery(db)
    .where(withinScope(caller, sql.ref('a.region_path')))
    .orderBy('a.starts_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.limit + 1)
  if (query.state) q = q.where('a.state', '=', query.state)
  if (after) q = q.where(sql<boolean>`(a.starts_at, a.id) < (${after.at}, ${after.id}::uuid)`)
  return q.execute()
}

export async function countActivitiesInScope(
  db: Db,
  caller: StaffCaller,
  state?: ActivityStateColumn,
): Promise<number> {
  const row = await activitiesInScope(db, caller, state)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A place a venue or a branch names, open, with its region. */
export function findVenuePlace(db: Db, id: string) {
  return db
    .selectFrom('places')
    .select(['id', 'name', 'kind', 'address', 'lat', 'lng', 'region_code', 'region_path'])
    .select('accepts_flow_members')
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
}

export function findRegionPath(db: Db, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'path'])
    .where('code', '=', code)
    .executeTakeFirst()
}

/** The caller's verified membership: only verified members take part. */
export function findVerifiedMembership(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'name'])
    .where('user_id', '=', userId)
    .where('state', '=', 'verified')
    .executeTakeFirst()
}

/** Branches where the member's check-in (报到) was approved. */
export async function approvedBranchIds(db: Db, membershipId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('branch_checkins')
    .select('place_id')
    .where('membership_id', '=', membershipId)
    .where('state', '=', 'approved')
    .execute()
  return rows.map((row) => row.place_id)
}

/** Another published activity at the same place whose time span meets [startsAt, endsAt). */
export function findOverlapAtPlace(
  db: Db,
  placeId: string,
  span: { startsAt: Date; endsAt: Date },
  except: string | null,
) {
  let q = db
    .selectFrom('activities')
    .select(['id', 'title', 'starts_at'])
    .where('place_id', '=', placeId)
    .where('state', '=', 'published')
    .where('starts_at', '<', span.endsAt)
    .where('ends_at', '>', span.startsAt)
  if (except) q = q.where('id', '<>', except)
  return q.limit(1).executeTakeFirst()
}
