import { type ActivityKind, chinaMidnight } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PlaceCursor } from '../kernel/keyset-cursor.ts'
import { countyCodeRange, type DetailRegion, detailKey } from './detail.repository.ts'

type Db = Kysely<Database>

export { detailKey }

export interface ActivityFilter {
  year: number
  kind?: ActivityKind | undefined
  qualifying?: 'yes' | undefined
}

const splitKey = (key: string) => [key.slice(0, 6), key.slice(6)] as const

/**
 * The activities the ledger counts (ledger_activity_rows): in the region by the venue's
 * county, starting in the China year, not cancelled; `qualifying`: 培训班 of ≥ 30 signed in.
 */
function activitiesUnder(db: Db, region: DetailRegion, filter: ActivityFilter) {
  const [low, high] = countyCodeRange(region)
  let q = db
    .selectFrom('activities as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .where('a.state', '<>', 'cancelled')
    .where('a.starts_at', '>=', chinaMidnight(filter.year, 0, 1))
    .where('a.starts_at', '<', chinaMidnight(filter.year + 1, 0, 1))
    .where('a.region_code', '>=', low)
    .where('a.region_code', '<=', high)
    .where(sql<boolean>`a.region_path <@ ${region.path}::ltree`)
  if (filter.kind) q = q.where('a.kind', '=', filter.kind)
  if (filter.qualifying) q = q.where('a.kind', '=', 'training').where('a.attended', '>=', 30)
  return q
}

export async function countActivities(db: Db, region: DetailRegion, filter: ActivityFilter) {
  const row = await activitiesUnder(db, region, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listActivities(
  db: Db,
  region: DetailRegion,
  filter: ActivityFilter & { limit: number },
  after?: PlaceCursor,
) {
  let q = activitiesUnder(db, region, filter)
    .select([
      'a.id',
      'a.region_code',
      'r.name as region_name',
      'a.title',
      'a.kind',
      'a.starts_at',
      'a.state',
      'a.signups_active',
      'a.attended',
    ])
    .orderBy('a.region_code')
    .orderBy('a.title')
    .orderBy('a.id')
    .limit(filter.limit + 1)
  if (after) {
    const [code, title] = splitKey(after.key)
    q = q.where(
      sql<boolean>`(a.region_code, a.title, a.id) > (${code}, ${title}, ${after.id}::uuid)`,
    )
  }
  return q.execute()
}
export type LedgerActivityRow = Awaited<ReturnType<typeof listActivities>>[number]

type PeopleFilter = Omit<ActivityFilter, 'qualifying'> & { what: 'signups' | 'attendances' }
const memberName = sql<string>`coalesce(m.name, '')`

/** The active sign-ups, or the attendances, of the activities counted under a region. */
function peopleUnder(db: Db, region: DetailRegion, filter: PeopleFilter) {
  const activities = activitiesUnder(db, region, filter)
  const joined =
    filter.what === 'signups'
      ? activities
          .innerJoin('activity_signups as p', 'p.activity_id', 'a.id')
          .where('p.state', '=', 'active')
          .select('p.created_at as at')
      : activities
          .innerJoin('activity_attendances as p', 'p.activity_id', 'a.id')
          .select('p.at as at')
  return joined.innerJoin('memberships as m', 'm.id', 'p.membership_id')
}

export async function countPeople(db: Db, region: DetailRegion, filter: PeopleFilter) {
  const row = await peopleUnder(db, region, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listPeople(
  db: Db,
  region: DetailRegion,
  filter: PeopleFilter & { limit: number },
  after?: PlaceCursor,
) {
  let q = peopleUnder(db, region, filter)
    .select([
      'p.id',
      'a.region_code',
      'r.name as region_name',
      memberName.as('member_name'),
      'a.id as activity_id',
      'a.title as activity_title',
      'a.kind',
    ])
    .orderBy('a.region_code')
    .orderBy(memberName)
    .orderBy('p.id')
    .limit(filter.limit + 1)
  if (after) {
    const [code, name] = splitKey(after.key)
    q = q.where(
      sql<boolean>`(a.region_code, ${memberName}, p.id) > (${code}, ${name}, ${after.id}::uuid)`,
    )
  }
  return q.execute()
}
export type LedgerPersonRow = Awaited<ReturnType<typeof listPeople>>[number]

/** The members who attended in a county and year (activity_attendees, kept by triggers). */
function membersUnder(db: Db, region: DetailRegion, filter: MemberFilter) {
  const [low, high] = countyCodeRange(region)
  const q = db
    .selectFrom('activity_attendees as x')
    .innerJoin('regions as r', 'r.code', 'x.region_code')
    .innerJoin('memberships as m', 'm.id', 'x.membership_id')
    .where('x.year', '=', filter.year)
    .where('x.region_code', '>=', low)
    .where('x.region_code', '<=', high)
    .where(sql<boolean>`x.region_path <@ ${region.path}::ltree`)
  // The flow members: at least one attendance as one (activities.flow_members).
  return filter.who === 'flow' ? q.where('x.flow_attended', '>', 0) : q
}

interface MemberFilter {
  year: number
  who?: 'all' | 'flow'
}

export async function countMembers(db: Db, region: DetailRegion, filter: MemberFilter) {
  const row = await membersUnder(db, region, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listMembers(
  db: Db,
  region: DetailRegion,
  query: MemberFilter & { limit: number },
  after?: PlaceCursor,
) {
  let q = membersUnder(db, region, query)
    .select([
      'x.membership_id as id',
      'x.region_code',
      'r.name as region_name',
      memberName.as('member_name'),
      'x.attended',
      'x.flow_attended',
    ])
    .orderBy('x.region_code')
    .orderBy(memberName)
    .orderBy('x.membership_id')
    .limit(query.limit + 1)
  if (after) {
    const [code, name] = splitKey(after.key)
    q = q.where(
      sql<boolean>`(x.region_code, ${memberName}, x.membership_id) > (${code}, ${name}, ${after.id}::uuid)`,
    )
  }
  return q.execute()
}
export type LedgerMemberRow = Awaited<ReturnType<typeof listMembers>>[number]
