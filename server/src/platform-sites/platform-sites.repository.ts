import type { Platform, PlatformSiteStatus } from '@djt/shared'
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import type { PlatformSiteTable } from './platform-sites.table.ts'

type Db = Kysely<Database>

/** A province lists thousands of sites at most; past this the caller narrows by region. */
export const SITE_LIST_LIMIT = 500

function siteQuery(db: Db) {
  return db
    .selectFrom('platform_sites as s')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .selectAll('s')
    .select('r.name as region_name')
}

export type PlatformSiteRow = Awaited<ReturnType<typeof findSite>>

/** Sites under `regionPath` inside the caller's jurisdiction: open first, then by platform. */
export function listSites(
  db: Db,
  caller: StaffCaller,
  {
    regionPath,
    platform,
    status,
  }: {
    regionPath: string
    platform: Platform | undefined
    status?: PlatformSiteStatus | undefined
  },
) {
  let q = siteQuery(db)
    .where(withinScope(caller, sql.ref('s.region_path')))
    .where(sql<boolean>`s.region_path <@ ${regionPath}::ltree`)
    .orderBy('s.status')
    .orderBy('s.platform')
    .orderBy('s.region_code')
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(SITE_LIST_LIMIT + 1)
  if (platform) q = q.where('s.platform', '=', platform)
  if (status) q = q.where('s.status', '=', status)
  return q.execute()
}

export function findSite(db: Db, id: string) {
  return siteQuery(db).where('s.id', '=', id).executeTakeFirstOrThrow()
}

/** Locked for the edit; undefined outside the jurisdiction (which then answers 404). */
export function findSiteInScope(db: Db, caller: StaffCaller, id: string) {
  return siteQuery(db)
    .where('s.id', '=', id)
    .where(withinScope(caller, sql.ref('s.region_path')))
    .forUpdate('s')
    .executeTakeFirst()
}

export async function insertSite(db: Db, values: Insertable<PlatformSiteTable>): Promise<string> {
  const row = await db
    .insertInto('platform_sites')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateSite(
  db: Db,
  id: string,
  values: Updateable<PlatformSiteTable>,
): Promise<void> {
  await db
    .updateTable('platform_sites')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}
