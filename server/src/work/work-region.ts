import type { RegionLevel } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { pathWithinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { findRegion } from '../regions/regions.repository.ts'

export interface RequestContext {
  requestId: string
  ip: string
}

const refused = (status: 400 | 403, field: string, message: string) =>
  new ApiError(status, status === 400 ? 'validation_failed' : 'forbidden', message, [
    { field, message },
  ])

const levelNames: Record<RegionLevel, string> = {
  province: '省',
  city: '设区市',
  county: '区县',
}

/**
 * The region a work record belongs to: the caller's own unless `code` names another,
 * inside their jurisdiction (403 outside) and at one of `levels` (400 otherwise).
 */
export async function workRegion(
  db: Kysely<Database>,
  caller: StaffCaller,
  code: string | undefined,
  { levels, field }: { levels: RegionLevel[]; field: string },
) {
  const region = await findRegion(db, code ?? caller.regionCode)
  if (!region) throw refused(400, field, '行政区划代码不存在')
  if (!pathWithinScope(caller, region.path)) throw refused(403, field, '该地区不在本辖区')
  if (!levels.includes(region.level))
    throw refused(400, field, `应登记到${levels.map((level) => levelNames[level]).join('或')}一级`)
  return region
}
