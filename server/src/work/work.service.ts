import type { LiaisonPairRequest, LiaisonVisitRequest, TrainingSessionRequest } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { type RequestContext, workRegion } from '../regions/record-region.ts'
import {
  endPair,
  findPairInScope,
  findStaffInScope,
  insertPair,
  insertVisit,
} from './liaison.repository.ts'
import { deleteSession, findSessionInScope, insertSession } from './training.repository.ts'

type Db = Kysely<Database>

const invalid = (field: string, message: string) =>
  new ApiError(400, 'validation_failed', message, [{ field, message }])

/** A class held by a city or a county of the caller's jurisdiction. */
export async function createSession(
  trx: Db,
  caller: StaffCaller,
  body: TrainingSessionRequest,
  context: RequestContext,
): Promise<string> {
  const region = await workRegion(trx, caller, body.regionCode, {
    levels: ['city', 'county'],
    field: 'body.regionCode',
  })
  const id = await insertSession(trx, {
    region_code: region.code,
    region_path: region.path,
    held_on: body.heldOn,
    title: body.title,
    attendees: body.attendees,
    organiser: body.organiser || null,
    note: body.note || null,
    created_by: caller.id,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    'work.training.create',
    ['training_session', id],
    region.path,
    {
      attendees: body.attendees,
    },
  )
  return id
}

/** Removes a mistaken entry; the audit row keeps what it said. */
export async function removeSession(
  trx: Db,
  caller: StaffCaller,
  id: string,
  context: RequestContext,
): Promise<void> {
  const row = await findSessionInScope(trx, caller, id)
  if (!row) throw notFound('培训记录')
  await deleteSession(trx, id)
  await recordStaffAction(
    trx,
    caller,
    context,
    'work.training.delete',
    ['training_session', id],
    row.region_path,
    {
      title: row.title,
      heldOn: row.held_on,
      attendees: row.attendees,
    },
  )
}

export async function createPair(
  trx: Db,
  caller: StaffCaller,
  body: LiaisonPairRequest,
  context: RequestContext,
): Promise<string> {
  const region = await workRegion(trx, caller, body.regionCode, {
    levels: ['province', 'city', 'county'],
    field: 'body.regionCode',
  })
  if (body.liaisonStaffId && !(await findStaffInScope(trx, caller, body.liaisonStaffId)))
    throw invalid('body.liaisonStaffId', '该工作人员账号不存在或不在本辖区')
  const id = await insertPair(trx, {
    region_code: region.code,
    region_path: region.path,
    liaison_name: body.liaisonName,
    liaison_staff_id: body.liaisonStaffId ?? null,
    organisation_name: body.organisationName,
    organisation_uscc: body.organisationUscc ?? null,
    organisation_kind: body.organisationKind,
    started_on: body.startedOn,
    created_by: caller.id,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    'work.liaison.create',
    ['liaison_pair', id],
    region.path,
    {
      organisationKind: body.organisationKind,
    },
  )
  return id
}

export async function closePair(
  trx: Db,
  caller: StaffCaller,
  id: string,
  endedOn: string,
  context: RequestContext,
): Promise<void> {
  const pair = await findPairInScope(trx, caller, id)
  if (!pair) throw notFound('挂钩联系')
  if (pair.ended_on) throw new ApiError(409, 'conflict', '该挂钩联系已结束')
  if (endedOn < pair.started_on) throw invalid('body.endedOn', '结束联系日期不能早于开始联系日期')
  await endPair(trx, id, endedOn)
  await recordStaffAction(
    trx,
    caller,
    context,
    'work.liaison.end',
    ['liaison_pair', id],
    pair.region_path,
    {
      endedOn,
    },
  )
}

/** 走访: a visit falls inside the pair's time. */
export async function addVisit(
  trx: Db,
  caller: StaffCaller,
  pairId: string,
  body: LiaisonVisitRequest,
  context: RequestContext,
) {
  const pair = await findPairInScope(trx, caller, pairId)
  if (!pair) throw notFound('挂钩联系')
  if (body.visitedOn < pair.started_on)
    throw invalid('body.visitedOn', '走访日期不能早于开始联系日期')
  if (pair.ended_on && body.visitedOn > pair.ended_on)
    throw invalid('body.visitedOn', '走访日期不能晚于结束联系日期')
  const visit = await insertVisit(trx, {
    pair_id: pairId,
    visited_on: body.visitedOn,
    note: body.note,
    created_by: caller.id,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    'work.liaison.visit',
    ['liaison_visit', visit.id],
    pair.region_path,
    {
      pairId,
    },
  )
  return visit
}
