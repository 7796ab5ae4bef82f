import type { LedgerMarketQuery, PlaceKind, PlaceStatus, Platform } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PlaceCursor } from '../kernel/keyset-cursor.ts'

type Db = Kysely<Database>
export interface DetailRegion {
  code: string
  level: 'province' | 'city' | 'county'
  path: string
}

/**
 * The county codes under a region as one range: GB/T 2260 codes nest by prefix (35 → 3501
 * → 350102), so a page is one ordered range scan of a (region_code, name, id) index.
 */
export function countyCodeRange(region: DetailRegion): [string, string] {
  if (region.level === 'county') return [region.code, region.code]
  const prefix = region.code.slice(0, region.level === 'city' ? 4 : 2)
  return [prefix.padEnd(6, '0'), prefix.padEnd(6, '9')]
}

/** The sort key a page cursor carries: the county code (6 characters), then the name. */
export const detailKey = (regionCode: string, name: string) => `${regionCode}${name}`
const splitKey = (key: string) => [key.slice(0, 6), key.slice(6)] as const

const MARKET_STATES = ['submitted', 'resubmitted', 'needs_info', 'verified'] as const

type MarketFilter = Pick<LedgerMarketQuery, 'organised' | 'orgForm'> & { limit: number }

/**
 * Market openers' registrations (self-reported and verified) under a region: the markets
 * ledger counts these states, and an absent organisation form as `none`, as here.
 */
const marketName = sql<string>`(m.form->>'marketName')`
const orgForm = sql<string>`coalesce(m.form->>'orgForm', 'none')`

/** The markets under a region the filter keeps: the list's rows and its count alike. */
function marketsUnder(db: Db, region: DetailRegion, filter: Omit<MarketFilter, 'limit'>) {
  const [low, high] = countyCodeRange(region)
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('regions as r', 'r.code', 'm.region_code')
    .where('m.kind', '=', 'market_opener')
    .where('m.state', 'in', MARKET_STATES)
    .where('m.region_code', '>=', low)
    .where('m.region_code', '<=', high)
    .where(sql<boolean>`m.region_path <@ ${region.path}::ltree`)
  if (filter.orgForm) q = q.where(orgForm, '=', filter.orgForm)
  if (filter.organised) q = q.where(orgForm, filter.organised === 'yes' ? '<>' : '=', 'none')
  return q
}

export async function countMarkets(
  db: Db,
  region: DetailRegion,
  filter: Omit<MarketFilter, 'limit'>,
): Promise<number> {
  const row = await marketsUnder(db, region, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listMarkets(
  db: Db,
  region: DetailRegion,
  filter: MarketFilter,
  after?: PlaceCursor,
) {
  let q = marketsUnder(db, region, filter)
    .select([
      'm.id',
      'r.code as region_code',
      'r.name as region_name',
      'm.name as opener',
      'm.state',
      marketName.as('market_name'),
      sql<number>`coalesce((m.form->>'stallCount')::int, 0)`.as('stalls'),
      sql<number>`coalesce((m.form->>'memberStallOwnerCount')::int, 0)`.as('member_stalls'),
      orgForm.as('org_form'),
      sql<string | null>`nullif(m.form->>'orgName', '')`.as('org_name'),
    ])
    .orderBy('m.region_code')
    .orderBy(marketName)
    .orderBy('m.id')
    .limit(filter.limit + 1)
  if (after) {
    const [code, name] = splitKey(after.key)
    q = q.where(
      sql<boolean>`(m.region_code, ${marketName}, m.id) > (${code}, ${name}, ${after.id}::uuid)`,
    )
  }
  return q.execute()
}
export type MarketRow = Awaited<ReturnType<typeof listMarkets>>[number]

/** Places under a region, every status, with their check-ins (报到) counted per place. */
type StationFilter = { kind?: PlaceKind | undefined; status?: PlaceStatus | undefined }

/** The places under a region the filter keeps: the list's rows and its count alike. */
function stationsUnder(db: Db, region: DetailRegion, filter: StationFilter) {
  const [low, high] = countyCodeRange(region)
  let q = db
    .selectFrom('places as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .where('p.region_code', '>=', low)
    .where('p.region_code', '<=', high)
    .where(sql<boolean>`p.region_path <@ ${region.path}::ltree`)
  if (filter.kind) q = q.where('p.kind', '=', filter.kind)
  if (filter.status) q = q.where('p.status', '=', filter.status)
  return q
}

export async function countStations(
  db: Db,
  region: DetailRegion,
  filter: StationFilter,
): Promise<number> {
  const row = await stationsUnder(db, region, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listStations(
  db: Db,
  region: DetailRegion,
  query: StationFilter & { limit: number },
  after?: PlaceCursor,
) {
  const checkins = (state: string) =>
    sql<number>`(select count(*)::int from branch_checkins c where c.place_id = p.id and c.state = ${state})`
  let q = stationsUnder(db, region, query)
    .select([
      'p.id',
      'p.region_code',
      'r.name as region_name',
      'p.name',
      'p.kind',
      'p.status',
      'p.always_open',
      'p.facilities',
      'p.last_checked_on',
      checkins('approved').as('checkins_approved'),
      checkins('pending').as('checkins_pending'),
    ])
    .orderBy('p.region_code')
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(query.limit + 1)
  if (after) {
    const [code, name] = splitKey(after.key)
    q = q.where(sql<boolean>`(p.region_code, p.name, p.id) > (${code}, ${name}, ${after.id}::uuid)`)
  }
  return q.execute()
}
export type StationRow = Awaited<ReturnType<typeof listStations>>[number]

/**
 * Confirmed check-ins counted under a region: by the region and platform stamped on each
 * when it was made (ledger_checkins counts the same columns), not by the branch's region.
 */
function checkinsUnder(db: Db, region: DetailRegion, filter: { platform?: Platform | undefined }) {
  const [low, high] = countyCodeRange(region)
  let q = db
    .selectFrom('branch_checkins as c')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .innerJoin('places as p', 'p.id', 'c.place_id')
    .innerJoin('regions as r', 'r.code', 'c.ledger_region')
    .where('c.state', '=', 'approved')
    .where('c.ledger_region', '>=', low)
    .where('c.ledger_region', '<=', high)
    .where(sql<boolean>`c.ledger_path <@ ${region.path}::ltree`)
  if (filter.platform) q = q.where('c.ledger_platform', '=', filter.platform)
  return q
}

export async function countCheckins(
  db: Db,
  region: DetailRegion,
  filter: { platform?: Platform | undefined },
): Promise<number> {
  const row = await checkinsUnder(db, region, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listCheckins(
  db: Db,
  region: DetailRegion,
  query: { limit: number; platform?: Platform | undefined },
  after?: PlaceCursor,
) {
  const memberName = sql<string>`coalesce(m.name, '')`
  let q = checkinsUnder(db, region, query)
    .select([
      'c.id',
      'r.code as region_code',
      'r.name as region_name',
      memberName.as('member_name'),
      'c.ledger_platform as platform',
      'p.id as place_id',
      'p.name as place_name',
      'c.decided_at',
    ])
    .orderBy('c.ledger_region')
    .orderBy(memberName)
    .orderBy('c.id')
    .limit(query.limit + 1)
  if (after) {
    const [code, name] = splitKey(after.key)
    q = q.where(
      sql<boolean>`(c.ledger_region, ${memberName}, c.id) > (${code}, ${name}, ${after.id}::uuid)`,
    )
  }
  return q.execute()
}
export type CheckinRow = Awaited<ReturnType<typeof listCheckins>>[number]
