import {
  type CreateStaffRequest,
  type StaffAccount,
  type StaffLevel,
  staffLevelRank,
} from '@djt/shared'
import type { Kysely } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { hashPassword, passwordProblems } from '../auth/password.ts'
import { pathWithinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { findRegion } from '../regions/regions.repository.ts'
import { insertStaff, type StaffRow, usernameTaken } from './staff.repository.ts'

/** Which region level each staff level sits on: a guidance station sits under a county. */
const regionLevelOf: Record<StaffLevel, 'province' | 'city' | 'county'> = {
  province: 'province',
  city: 'city',
  county: 'county',
  station: 'county',
}

/**
 * Creates a staff account. `creator` null is the bootstrap CLI; otherwise the new account
 * must sit inside the creator's subtree and at a lower level than theirs.
 */
export async function createStaff(
  db: Kysely<Database>,
  creator: StaffCaller | null,
  request: CreateStaffRequest,
): Promise<string> {
  const region = await findRegion(db, request.regionCode)
  if (!region) throw fieldError(404, 'not_found', 'body.regionCode', '行政区划不存在')
  if (region.level !== regionLevelOf[request.level]) {
    throw fieldError(400, 'validation_failed', 'body.regionCode', '所选行政区划与账号级别不符')
  }
  if (
    creator &&
    (staffLevelRank[request.level] >= staffLevelRank[creator.level] ||
      !pathWithinScope(creator, region.path))
  ) {
    throw new ApiError(403, 'forbidden', '只能在本辖区内创建更低级别的账号')
  }
  if (request.level === 'station' && !request.stationName) {
    throw fieldError(400, 'validation_failed', 'body.stationName', '请填写指导站名称')
  }
  const problems = passwordProblems(request.password, {
    username: request.username,
    displayName: request.displayName,
  })
  if (problems.length > 0) {
    throw new ApiError(
      400,
      'weak_password',
      problems.join('；'),
      problems.map((message) => ({ field: 'body.password', message })),
    )
  }
  if (await usernameTaken(db, request.username))
    throw fieldError(409, 'conflict', 'body.username', '该账号已存在')
  return insertStaff(db, {
    username: request.username,
    displayName: request.displayName,
    passwordHash: await hashPassword(request.password),
    level: request.level,
    regionCode: region.code,
    regionPath: region.path,
    stationName: request.level === 'station' ? (request.stationName ?? null) : null,
    createdBy: creator?.id ?? null,
  })
}

function fieldError(
  status: number,
  code: 'not_found' | 'validation_failed' | 'conflict',
  field: string,
  message: string,
) {
  return new ApiError(status, code, message, [{ field, message }])
}

export function toStaffAccount(row: StaffRow): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    level: row.level,
    region: {
      code: row.region_code,
      name: row.region_name,
      level: row.region_level,
      parentCode: row.region_parent_code,
    },
    stationName: row.station_name,
    disabled: row.disabled_at !== null,
    locked: row.locked,
    mfaEnabled: row.totp_enabled,
    createdAt: row.created_at.toISOString(),
  }
}
