import {
  chinaDate,
  ErrorBody,
  LedgerQuery,
  LedgerReport,
  LedgerReportList,
  LedgerReportParams,
  LedgerReportSummary,
  periodLabel,
  ReportDecisionRequest,
  ReportListQuery,
  regionPath,
  SubmitReportRequest,
} from '@djt/shared'
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { StaffCaller } from '../auth/access.ts'
import { staffCaller } from '../auth/caller.ts'
import { BinaryFile } from '../http/binary.ts'
import { notFound } from '../http/errors.ts'
import { csvOf } from '../kernel/csv-out.ts'
import type { ExportSheet } from '../kernel/sheet-cells.ts'
import { xlsxOf } from '../kernel/xlsx-out.ts'
import { detailSheets } from './detail-sheets.ts'
import { ledgerExport } from './ledger-export.ts'
import { ledgerOf } from './ledgers.routes.ts'
import { findReport, listReports } from './reports.repository.ts'
import { decideReport, submitReport, toSummary } from './reports.service.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['ledgers']
const Format = z.enum(['xlsx', 'csv'], { error: '导出格式只能是 xlsx 或 csv' })
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Half-year reports: a county or city freezes its ledger, the level above accepts or returns it. */
const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const full = async (caller: StaffCaller, id: string) => {
    const row = await findReport(app.db, caller, id)
    if (!row) throw notFound('报告')
    return { ...toSummary(row), ledger: row.snapshot }
  }
  const context = (request: { id: string; ip: string }) => ({
    requestId: request.id,
    ip: request.ip,
    now: app.clock(),
  })
  const exported =
    (sheets: ExportSheet[], format: 'xlsx' | 'csv', name: string) => (reply: FastifyReply) => {
      const file = encodeURIComponent(`${name}.${format}`)
      reply.header('content-disposition', `attachment; filename*=UTF-8''${file}`)
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(csvOf(sheets))
      return reply.type(XLSX).send(xlsxOf(sheets))
    }

  app.post(
    '/ledger-reports',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Freeze and send up my jurisdiction’s half-year ledger',
        body: SubmitReportRequest,
        response: { 201: LedgerReport, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const id = await app.db
        .transaction()
        .execute((trx) => submitReport(trx, caller, request.body, context(request)))
      return reply.status(201).send(await full(caller, id))
    },
  )

  app.get(
    '/ledger-reports',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Reports of my jurisdiction and those under it, every version',
        querystring: ReportListQuery,
        response: { 200: LedgerReportList, ...errors },
      },
    },
    async (request) => ({
      items: (await listReports(app.db, staffCaller(request), request.query.period)).map(toSummary),
    }),
  )

  app.get(
    '/ledger-reports/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'One report with its frozen ledger',
        params: LedgerReportParams,
        response: { 200: LedgerReport, ...errors },
      },
    },
    async (request) => full(staffCaller(request), request.params.id),
  )

  app.post(
    '/ledger-reports/:id/decision',
    {
      config: { access: { staff: 'city' } },
      schema: {
        tags,
        summary: 'Accept or return a report from the level below',
        params: LedgerReportParams,
        body: ReportDecisionRequest,
        response: { 200: LedgerReportSummary, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      await app.db
        .transaction()
        .execute((trx) =>
          decideReport(trx, caller, request.params.id, request.body, context(request)),
        )
      const { ledger: _ledger, ...summary } = await full(caller, request.params.id)
      return summary
    },
  )

  app.get(
    '/ledger-reports/:id/export.:format',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'A report as XLSX (one sheet per ledger) or CSV',
        params: LedgerReportParams.extend({ format: Format }),
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const report = await full(staffCaller(request), request.params.id)
      const name = `${report.region.name}${report.period}台账v${report.version}`
      const edition = `${periodLabel(report.period)}报告 第${report.version}版`
      return exported(ledgerExport(report.ledger, edition), request.params.format, name)(reply)
    },
  )

  app.get(
    '/ledgers/export.:format',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'The live ledger (or with period, the period-end one) as XLSX or CSV',
        params: z.object({ format: Format }),
        querystring: LedgerQuery,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const { region, period } = request.query
      const ledger = await ledgerOf(app, staffCaller(request), region, period)
      const when = period ? `${period}期末` : chinaDate(ledger.asOf)
      // The live ledger of a county or city carries its markets and stations one by one.
      const { code, level } = ledger.region
      const details = period ? [] : detailSheets(app.db, { code, level, path: regionPath(code) })
      const edition = period ? `${periodLabel(period)}期末` : undefined
      const name = `${ledger.region.name}台账${when}`
      const sheets = ledgerExport(ledger, edition, details)
      return exported(sheets, request.params.format, name)(reply)
    },
  )
}

export default reportsRoutes
