import type { Ledger, LedgerReportSummary } from '@djt/shared'
import { periodEnd, periodStart, periodYear } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { findRegion } from '../regions/regions.repository.ts'
import { staffLabel } from '../review/review.service.ts'
import { buildLedger } from './ledgers.service.ts'
import { findSnapshot } from './period-snapshots.repository.ts'
import {
  findReport,
  insertReport,
  latestVersion,
  type ReportRow,
  recordDecision,
} from './reports.repository.ts'

type Db = Kysely<Database>
interface Context {
  requestId: string
  ip: string
  now: Date
}

export function toSummary(row: ReportRow): LedgerReportSummary {
  return {
    id: row.id,
    region: { code: row.region_code, name: row.region_name, level: row.region_level },
    period: row.period,
    version: row.version,
    state: row.state,
    reason: row.reason,
    basis: row.basis,
    submittedAt: row.submitted_at.toISOString(),
    submittedBy: row.submitted_by_label,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by_label,
    decisionNote: row.decision_note,
  }
}

/**
 * A county or city freezes its own ledger for a half-year and sends it up. A later version
 * (a correction) must say why; the earlier ones stay as they were.
 */
export async function submitReport(
  trx: Db,
  caller: StaffCaller,
  body: { period: string; reason?: string },
  context: Context,
): Promise<string> {
  const region = await findRegion(trx, caller.regionCode)
  if (!region || region.level === 'province')
    throw new ApiError(403, 'forbidden', '半年报告由县级、市级报送；省级查看下级报送的报告')
  if (periodStart(body.period) > context.now)
    throw new ApiError(400, 'validation_failed', '报告期尚未开始', [
      { field: 'body.period', message: '报告期尚未开始' },
    ])
  const previous = await latestVersion(trx, region.code, body.period)
  if (previous > 0 && !body.reason)
    throw new ApiError(400, 'validation_failed', '本期报告已报送过，更正时请写明原因', [
      { field: 'body.reason', message: '更正报告请写明原因' },
    ])
  const version = previous + 1
  const { ledger, basis } = await reportFigures(trx, region, body.period, version, context)
  const id = await insertReport(trx, {
    region_code: region.code,
    region_path: region.path,
    period: body.period,
    version,
    snapshot: ledger,
    reason: previous > 0 ? (body.reason ?? null) : null,
    basis,
    submitted_by: caller.id,
    submitted_by_label: await staffLabel(trx, caller),
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    'ledger.report.submit',
    ['ledger_report', id],
    region.path,
    {
      period: body.period,
      version,
      basis,
    },
  )
  return id
}

/**
 * The first report of an ended period sends the figures frozen at its end, when the server
 * froze them; a correction (fixing data) or a period still running sends the live ones.
 */
async function reportFigures(
  trx: Db,
  region: Parameters<typeof buildLedger>[1],
  period: string,
  version: number,
  { now }: Context,
): Promise<{ ledger: Ledger; basis: 'period_end' | 'live' }> {
  if (version === 1 && periodEnd(period) <= now) {
    const frozen = await findSnapshot(trx, region.code, period)
    if (frozen) return { ledger: frozen.snapshot, basis: 'period_end' }
  }
  // The period's own year of work, also when a 2026-H2 correction is sent in 2027.
  const ledger = await buildLedger(trx, region, now, periodYear(period))
  return { ledger, basis: 'live' }
}

/** The level directly above accepts the report or returns it with a note. */
export async function decideReport(
  trx: Db,
  caller: StaffCaller,
  id: string,
  body: { decision: 'accept' | 'return'; note?: string },
  context: Context,
): Promise<void> {
  const report = await findReport(trx, caller, id, { lock: true })
  if (!report) throw notFound('报告')
  if (report.region_parent !== caller.regionCode)
    throw new ApiError(403, 'forbidden', '报告由上一级接收或退回')
  const newest = await latestVersion(trx, report.region_code, report.period)
  if (report.state !== 'submitted' || report.version !== newest)
    throw new ApiError(409, 'conflict', '该报告已处理或已有更正版本，请刷新')
  await recordDecision(trx, id, {
    state: body.decision === 'accept' ? 'accepted' : 'returned',
    decided_by: caller.id,
    decided_by_label: await staffLabel(trx, caller),
    decided_at: context.now,
    decision_note: body.note || null,
  })
  await recordStaffAction(
    trx,
    caller,
    context,
    `ledger.report.${body.decision}`,
    ['ledger_report', id],
    report.region_path,
    {},
  )
}
