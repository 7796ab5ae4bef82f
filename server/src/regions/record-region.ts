import type { RegionLevel } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { regionInScope } from '../auth/region-scope.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'

export interface RequestContext {
  requestId: string
  ip: string
}

const refused = (field: string, message: string) =>
  new ApiError(400, 'validation_failed', message, [{ field, message }])

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
  const region = await regionInScope(db, caller, code, field)
  if (!levels.includes(region.level))
    throw refused(field, `应登记到${levels.map((level) => levelNames[level]).join('或')}一级`)
  return region
}
