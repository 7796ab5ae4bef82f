import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { findRegion } from '../regions/regions.repository.ts'
import type { StaffCaller } from './access.ts'
import { pathWithinScope } from './scope.ts'

const refused = (status: 400 | 403, field: string, message: string) =>
  new ApiError(status, status === 400 ? 'validation_failed' : 'forbidden', message, [
    { field, message },
  ])

/**
 * A region named in a request, or the caller's own: 400 when it does not exist, 403 when it
 * lies outside the caller's jurisdiction.
 */
export async function regionInScope(
  db: Kysely<Database>,
  caller: StaffCaller,
  code: string | undefined,
  field = 'query.region',
) {
  const region = await findRegion(db, code ?? caller.regionCode)
  if (!region) throw refused(400, field, '行政区划代码不存在')
  if (!pathWithinScope(caller, region.path)) throw refused(403, field, '该地区不在本辖区')
  return region
}

/**
 * The caller seen through one region of their jurisdiction: every scoped query then lists
 * that region's records only (a ledger figure opens the records behind it, no more).
 */
export async function narrowScope(
  db: Kysely<Database>,
  caller: StaffCaller,
  code: string | undefined,
): Promise<StaffCaller> {
  if (!code || code === caller.regionCode) return caller
  const region = await regionInScope(db, caller, code)
  return { ...caller, regionCode: region.code, regionPath: region.path }
}
