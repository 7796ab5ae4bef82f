import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import { textArray } from '../kernel/sql-arrays.ts'
import { activityQuery } from './activities.repository.ts'

type Db = Kysely<Database>

/** Who is asking: their verified membership (if any) and the branches they checked in at. */
export interface Member {
  membershipId: string | null
  branchIds: string[]
}

/**
 * Open to the member: any verified member for 'nearby', the branch's checked-in members
 * for 'branch'. An unverified user sees nothing open to them.
 */
function openTo(member: Member) {
  if (!member.membershipId) return sql<boolean>`false`
  if (member.branchIds.length === 0) return sql<boolean>`a.audience = 'nearby'`
  return sql<boolean>`(a.audience = 'nearby' or a.branch_id = any(${textArray(member.branchIds)}::uuid[]))`
}

function signedUpBy(member: Member) {
  if (!member.membershipId) return sql<boolean>`false`
  return sql<boolean>`exists (select 1 from activity_signups s where s.activity_id = a.id
    and s.membership_id = ${member.membershipId}::uuid and s.state = 'active')`
}

/** A km of distance counts less than the day: within one band, the soonest comes first. */
const BAND_METRES = 1000

/**
 * Upcoming published activities open to the member within `radius` metres, nearest band
 * first and soonest within it. The point is the query's only; the partial gist index on
 * `geo` answers the box, as in places/nearby.repository.ts.
 */
export function nearbyActivities(
  db: Db,
  member: Member,
  query: { lat: number; lng: number; radius: number; limit: number },
  now: Date,
) {
  const centre = sql`ll_to_earth(${query.lat}::float8, ${query.lng}::float8)`
  const distance = sql<number>`earth_distance(${centre}, a.geo)`
  return activityQuery(db)
    .select([distance.as('distance'), signedUpBy(member).as('signed_up_by_me')])
    .where('a.state', '=', 'published')
    .where('a.starts_at', '>', now)
    .where(sql<boolean>`earth_box(${centre}, ${query.radius}::float8) @> a.geo`)
    .where(distance, '<=', query.radius)
    .where(openTo(member))
    .orderBy(sql`floor(${distance} / ${BAND_METRES})`)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(query.limit)
    .execute()
}

/** A branch's upcoming published activities, soonest first, whether open to the member or not. */
export function branchActivities(db: Db, member: Member, branchId: string, now: Date) {
  return activityQuery(db)
    .select([
      sql<number | null>`null::float8`.as('distance'),
      signedUpBy(member).as('signed_up_by_me'),
      openTo(member).as('open_to_me'),
    ])
    .where('a.branch_id', '=', branchId)
    .where('a.state', '=', 'published')
    .where('a.ends_at', '>', now)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(100)
    .execute()
}

/** Activities the member signed up for or attended, cancelled ones with their reason. */
export function myActivities(db: Db, membershipId: string) {
  return activityQuery(db)
    .leftJoin('activity_signups as ms', (join) =>
      join.onRef('ms.activity_id', '=', 'a.id').on('ms.membership_id', '=', membershipId),
    )
    .leftJoin('activity_attendances as ma', (join) =>
      join.onRef('ma.activity_id', '=', 'a.id').on('ma.membership_id', '=', membershipId),
    )
    .select(['ms.state as signup_state', 'ma.at as attended_at'])
    .where((eb) => eb.or([eb('ms.state', '=', 'active'), eb('ma.id', 'is not', null)]))
    .orderBy('a.starts_at', 'desc')
    .orderBy('a.id')
    .limit(500)
    .execute()
}

/**
 * One activity for a member's page: a published one (upcoming or under way) for anyone,
 * and any the member signed up for or attended, cancelled and closed ones too. The
 * distance from the point when one is given (the point is not stored).
 */
export function memberActivity(
  db: Db,
  member: Member,
  id: string,
  point: { lat?: number | undefined; lng?: number | undefined },
) {
  const distance =
    point.lat === undefined || point.lng === undefined
      ? sql<number | null>`null::float8`
      : sql<
          number | null
        >`earth_distance(ll_to_earth(${point.lat}::float8, ${point.lng}::float8), a.geo)`
  const mine = member.membershipId
  return activityQuery(db)
    .leftJoin('activity_signups as ms', (join) =>
      join.onRef('ms.activity_id', '=', 'a.id').on('ms.membership_id', '=', mine ?? null),
    )
    .leftJoin('activity_attendances as ma', (join) =>
      join.onRef('ma.activity_id', '=', 'a.id').on('ma.membership_id', '=', mine ?? null),
    )
    .select([
      distance.as('distance'),
      // The sign-up row is joined already: no second look for it.
      sql<boolean>`coalesce(ms.state = 'active', false)`.as('signed_up_by_me'),
      openTo(member).as('open_to_me'),
      'ma.at as attended_at',
    ])
    .where('a.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('a.state', '=', 'published'),
        eb('ms.id', 'is not', null),
        eb('ma.id', 'is not', null),
      ]),
    )
    .executeTakeFirst()
}
