import type { PlaceInput, PlaceStatus } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import { pathWithinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { newPlaceCode } from './place-code.ts'
import {
  codesTaken,
  codeTaken,
  findPlaceInScope,
  findRegion,
  insertPlace,
  placeColumns,
  replaceHours,
  updatePlace,
} from './places.repository.ts'

type Db = Kysely<Database>
interface RequestContext {
  requestId: string
  ip: string
}

const regionRefused = (status: 400 | 403, message: string) =>
  new ApiError(status, status === 400 ? 'validation_failed' : 'forbidden', message, [
    { field: 'body.regionCode', message },
  ])

/** A place belongs to a county (区县) inside the caller's jurisdiction. */
export async function placeRegionPath(db: Db, caller: StaffCaller, code: string) {
  const region = await findRegion(db, code)
  if (!region) throw regionRefused(400, '行政区划代码不存在')
  if (region.level !== 'county') throw regionRefused(400, '场所应登记到区县一级')
  if (!pathWithinScope(caller, region.path)) throw regionRefused(403, '该区县不在本辖区')
  return region.path
}

/** A code no other place holds: random, so a clash is all but impossible, but checked. */
export async function freshPlaceCode(db: Db): Promise<string> {
  for (;;) {
    const code = newPlaceCode()
    if (!(await codeTaken(db, code))) return code
  }
}

/** `count` codes no place holds, none twice: random, checked in one query per round. */
export async function freshPlaceCodes(db: Db, count: number): Promise<string[]> {
  const codes = new Set<string>()
  for (;;) {
    while (codes.size < count) codes.add(newPlaceCode())
    const taken = await codesTaken(db, [...codes])
    if (taken.size === 0) return [...codes]
    for (const code of taken) codes.delete(code)
  }
}

export async function createPlace(
  trx: Db,
  caller: StaffCaller,
  place: PlaceInput,
  context: RequestContext,
): Promise<string> {
  const path = await placeRegionPath(trx, caller, place.regionCode)
  const code = await freshPlaceCode(trx)
  const id = await insertPlace(trx, {
    ...placeColumns(place, path),
    code,
    created_by: caller.id,
  })
  await replaceHours(trx, id, place.hours)
  await recordStaffAction(trx, caller, context, 'place.create', ['place', id], path, {
    code,
    kind: place.kind,
  })
  return id
}

export async function editPlace(
  trx: Db,
  caller: StaffCaller,
  id: string,
  change: { place?: PlaceInput | undefined; status?: PlaceStatus | undefined },
  context: RequestContext,
): Promise<void> {
  const found = await findPlaceInScope(trx, caller, id, { lock: true })
  if (!found) throw notFound('场所')
  const path = change.place
    ? await placeRegionPath(trx, caller, change.place.regionCode)
    : found.region_path
  await updatePlace(trx, id, {
    ...(change.place ? { columns: placeColumns(change.place, path) } : {}),
    ...(change.status ? { status: change.status } : {}),
  })
  if (change.place) await replaceHours(trx, id, change.place.hours)
  await recordStaffAction(trx, caller, context, 'place.update', ['place', id], path, {
    edited: !!change.place,
    ...(change.status ? { from: found.status, status: change.status } : {}),
  })
}
