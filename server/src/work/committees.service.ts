import type { PartyCommittee, PartyCommitteeRequest } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { type RequestContext, workRegion } from '../regions/record-region.ts'
import { findCommittee, saveCommittee } from './committees.repository.ts'
import { toPartyCommittee } from './work.view.ts'

type Db = Kysely<Database>
const committeeRegion = (db: Db, caller: StaffCaller, code: string) =>
  workRegion(db, caller, code, { levels: ['city', 'county'], field: 'params.code' })

export async function readCommittee(
  db: Db,
  caller: StaffCaller,
  code: string,
): Promise<PartyCommittee> {
  const region = await committeeRegion(db, caller, code)
  return toPartyCommittee(region, await findCommittee(db, region.code))
}

/** Whether a city or county has its 小个专党委: said by that region's own staff only. */
export async function recordCommittee(
  trx: Db,
  caller: StaffCaller,
  code: string,
  body: PartyCommitteeRequest,
  context: RequestContext,
): Promise<PartyCommittee> {
  const region = await committeeRegion(trx, caller, code)
  if (region.code !== caller.regionCode) {
    const message = '小个专党委情况由本级工作人员登记'
    throw new ApiError(403, 'forbidden', message, [{ field: 'params.code', message }])
  }
  const row = await saveCommittee(trx, {
    region_code: region.code,
    region_path: region.path,
    set_up: body.setUp,
    set_up_on: body.setUp ? (body.setUpOn ?? null) : null,
    name: body.setUp ? (body.name ?? null) : null,
    updated_by: caller.id,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    'work.committee.update',
    ['party_committee', region.code],
    region.path,
    {
      setUp: body.setUp,
    },
  )
  return toPartyCommittee(region, row)
}
