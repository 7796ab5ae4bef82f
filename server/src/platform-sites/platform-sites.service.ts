import { type PlatformSiteInput, siteCoverage, type UpdatePlatformSiteRequest } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { type RequestContext, workRegion } from '../regions/record-region.ts'
import { findSiteInScope, insertSite, updateSite } from './platform-sites.repository.ts'

type Db = Kysely<Database>

/** A site's county: it exists, lies in the caller's jurisdiction (403) and is a county. */
function siteCounty(trx: Db, caller: StaffCaller, code: string, field: string) {
  return workRegion(trx, caller, code, { levels: ['county'], field })
}

/** The columns an input sets; an organisation's name only where there is an organisation. */
function siteColumns(site: PlatformSiteInput, county: { code: string; path: string }) {
  return {
    platform: site.platform,
    name: site.name,
    region_code: county.code,
    region_path: county.path,
    address: site.address || null,
    rider_count: site.riderCount ?? null,
    member_rider_count: site.memberRiderCount,
    org_form: site.orgForm,
    org_name: site.orgForm === 'none' ? null : (site.orgName ?? null),
    instructor: site.instructor || null,
  }
}

export async function createSite(
  trx: Db,
  caller: StaffCaller,
  site: PlatformSiteInput,
  context: RequestContext,
): Promise<string> {
  const county = await siteCounty(trx, caller, site.regionCode, 'body.regionCode')
  const id = await insertSite(trx, { ...siteColumns(site, county), created_by: caller.id })
  await recordStaffAction(
    trx,
    caller,
    context,
    'platform_site.create',
    ['platform_site', id],
    county.path,
    {
      platform: site.platform,
      coverage: siteCoverage(site),
    },
  )
  return id
}

/** Corrects a site, closes or reopens it; the audit row names what changed. */
export async function changeSite(
  trx: Db,
  caller: StaffCaller,
  id: string,
  body: UpdatePlatformSiteRequest,
  context: RequestContext,
): Promise<void> {
  const before = await findSiteInScope(trx, caller, id)
  if (!before) throw notFound('站点')
  const county = body.site
    ? await siteCounty(trx, caller, body.site.regionCode, 'body.site.regionCode')
    : undefined
  const columns = body.site && county ? siteColumns(body.site, county) : {}
  const status = body.status ?? before.status
  await updateSite(trx, id, { ...columns, status })
  const changed = Object.entries(columns)
    .filter(([column, value]) => before[column as keyof typeof before] !== value)
    .map(([column]) => column)
  const action =
    status === before.status
      ? 'platform_site.update'
      : `platform_site.${status === 'closed' ? 'close' : 'reopen'}`
  await recordStaffAction(
    trx,
    caller,
    context,
    action,
    ['platform_site', id],
    county?.path ?? before.region_path,
    {
      changed,
      status,
    },
  )
}

/** A second open site of the same platform and name in a county meets the unique index. */
export const sameNameOpen =
  (field: string) =>
  (error: unknown): never => {
    if ((error as { code?: string }).code === '23505') {
      const message = '该平台在本区县已有同名的运营中站点'
      throw new ApiError(409, 'conflict', message, [{ field, message }])
    }
    throw error
  }
