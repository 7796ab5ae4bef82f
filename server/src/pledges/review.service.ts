import type { EvaluationRequest, PledgeDecisionRequest, ReportResponseRequest } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { hasUpheldReport } from './feedback.repository.ts'
import { newPledgeCode } from './pledge-code.ts'
import { findVersion, type PledgeRow, updatePledge } from './pledges.repository.ts'
import {
  answerReport,
  codeTaken,
  decideVersion,
  findPledgeInScope,
  findReportInScope,
  supersedeVersion,
  upsertEvaluation,
} from './review.repository.ts'

type Db = Kysely<Database>
export interface Context {
  requestId: string
  ip: string
}

/** 65 random bits and a check character (newPledgeCode), so plaques cannot be guessed. */
async function freshCode(trx: Db): Promise<string> {
  for (;;) {
    const code = newPledgeCode()
    if (!(await codeTaken(trx, code))) return code
  }
}

async function audited(
  trx: Db,
  caller: StaffCaller,
  row: PledgeRow,
  action: string,
  context: Context,
  detail: Record<string, unknown>,
) {
  await recordStaffAction(
    trx,
    caller,
    context,
    `pledge.${action}`,
    ['pledge', row.id],
    row.region_path,
    detail,
  )
}

export async function lockInScope(trx: Db, caller: StaffCaller, id: string): Promise<PledgeRow> {
  const row = await findPledgeInScope(trx, caller, id, { lock: true })
  if (!row) throw notFound('承诺')
  return row
}

/** 事前把关: approve (it goes public, replacing the old version), return, or reject. */
export async function decidePledge(
  trx: Db,
  caller: StaffCaller,
  id: string,
  body: PledgeDecisionRequest,
  context: Context,
) {
  const row = await lockInScope(trx, caller, id)
  const version = await findVersion(trx, body.versionId)
  if (!version || version.pledge_id !== row.id) throw notFound('承诺版本')
  if (version.state !== 'pending')
    throw new ApiError(409, 'conflict', '该版本已处理或已被新版本取代，请刷新')
  if (body.decision === 'approve' && row.member_state !== 'verified')
    throw new ApiError(409, 'conflict', '该党员的登记已不是“已核验”状态，不能通过其承诺')
  const state = { approve: 'approved', return: 'returned', reject: 'rejected' } as const
  await decideVersion(trx, version.id, {
    state: state[body.decision],
    decidedBy: caller.id,
    comment: body.comment || null,
  })
  if (body.decision === 'approve') {
    if (row.public_version_id) await supersedeVersion(trx, row.public_version_id)
    await updatePledge(trx, row.id, {
      public_version_id: version.id,
      code: row.code ?? (await freshCode(trx)),
    })
  }
  await audited(trx, caller, row, body.decision, context, { version: version.number })
}

/** Only after a report was upheld: suspension shows on the public page at once. */
export async function suspendPledge(
  trx: Db,
  caller: StaffCaller,
  id: string,
  reason: string,
  context: Context,
) {
  const row = await lockInScope(trx, caller, id)
  if (row.status !== 'active') throw new ApiError(409, 'conflict', '只有公示中的承诺可以暂停')
  if (!(await hasUpheldReport(trx, row.id)))
    throw new ApiError(409, 'conflict', '暂停公示需先有经核查属实的群众举报')
  await updatePledge(trx, row.id, { status: 'suspended', status_reason: reason })
  await audited(trx, caller, row, 'suspend', context, { reason })
}

export async function reinstatePledge(
  trx: Db,
  caller: StaffCaller,
  id: string,
  reason: string,
  context: Context,
) {
  const row = await lockInScope(trx, caller, id)
  if (row.status !== 'suspended') throw new ApiError(409, 'conflict', '该承诺没有被暂停')
  await updatePledge(trx, row.id, { status: 'active', status_reason: null })
  await audited(trx, caller, row, 'reinstate', context, { reason })
}

/** 事后评价: one score per half-year; a second one for the same period replaces the first. */
export async function evaluatePledge(
  trx: Db,
  caller: StaffCaller,
  id: string,
  body: EvaluationRequest,
  context: Context,
) {
  const row = await lockInScope(trx, caller, id)
  if (!row.public_version_id) throw new ApiError(409, 'conflict', '承诺通过审核后才能评价')
  const values = {
    score: body.score,
    note: body.note || null,
    award: body.award,
    evaluated_by: caller.id,
  }
  await upsertEvaluation(trx, row.id, body.period, values)
  await audited(trx, caller, row, 'evaluate', context, {
    period: body.period,
    score: body.score,
    award: body.award,
  })
}

/** 事中监督: the answer and outcome are public on the pledge's page. */
export async function respondToReport(
  trx: Db,
  caller: StaffCaller,
  id: string,
  body: ReportResponseRequest,
  context: Context,
) {
  const report = await findReportInScope(trx, caller, id)
  if (!report) throw notFound('举报')
  // Checked by the update itself: two staff answering at once cannot both win.
  if (!(await answerReport(trx, id, { ...body, respondedBy: caller.id })))
    throw new ApiError(409, 'conflict', '该举报已处理')
  await recordStaffAction(
    trx,
    caller,
    context,
    'pledge.report.respond',
    ['pledge_report', id],
    report.region_path,
    { outcome: body.outcome },
  )
}
