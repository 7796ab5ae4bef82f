import {
  ErrorBody,
  PledgeTemplateList,
  PledgeTemplateRequest,
  periodOf,
  RANKING_LIMIT,
  Ranking,
  RankingQuery,
  ReportParams,
  ReportQueue,
  ReportQueueItem,
  ReportQueueQuery,
  ReportResponseRequest,
  TemplateCreated,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { recordStaffAction } from '../audit/audit.repository.ts'
import { staffCaller } from '../auth/caller.ts'
import { narrowScope } from '../auth/region-scope.ts'
import { BinaryFile } from '../http/binary.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { firstPageTotal } from '../kernel/page-total.ts'
import { decodeCursor, queuePage } from '../kernel/queue-cursor.ts'
import { photoReply, sendPhoto } from '../uploads/photos.routes.ts'
import { countReports, findReportInScope, listReportQueue, ranking } from './review.repository.ts'
import { respondToReport } from './review.service.ts'
import { toRankingItem, toReportItem } from './review.view.ts'
import { insertTemplate, retireTemplate, templatesForStaff } from './templates.repository.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['pledge review']
const TemplateParams = z.object({ id: z.uuid('模板编号格式不正确') })

/** 事中监督 (the public's reports), 比作为 (the ranking) and the bureau's promise templates. */
const pledgeReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/review/pledge-reports',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Reports on pledges in my jurisdiction',
        querystring: ReportQueueQuery,
        response: { 200: ReportQueue, ...errors },
      },
    },
    async (request) => {
      const { region, state, limit } = request.query
      const cursor = decodeCursor(request.query.after)
      const scope = await narrowScope(app.db, staffCaller(request), region)
      const rows = await listReportQueue(
        app.db,
        scope,
        { state, limit },
        cursor && { at: cursor.queuedAt, id: cursor.id },
      )
      const { shown, next } = queuePage(rows, limit, (row) => ({ queuedAt: row.at, id: row.id }))
      return {
        items: shown.map(toReportItem),
        next,
        ...(await firstPageTotal(request.query.after, () => countReports(app.db, scope, state))),
      }
    },
  )

  app.get(
    '/review/pledge-reports/:id/photo',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'The photo sent with a report',
        params: ReportParams,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const report = await findReportInScope(app.db, staffCaller(request), request.params.id)
      if (!report) throw notFound('举报')
      const photo = await photoReply(app.db, report.photo_id)
      return sendPhoto(reply, photo)
    },
  )

  app.post(
    '/review/pledge-reports/:id/response',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Answer a report; the answer is public',
        params: ReportParams,
        body: ReportResponseRequest,
        response: { 200: ReportQueueItem, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => respondToReport(trx, caller, request.params.id, request.body, context))
      const report = await findReportInScope(app.db, caller, request.params.id)
      if (!report) throw notFound('举报')
      return toReportItem(report)
    },
  )

  app.get(
    '/review/pledge-ranking',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: '比作为: pledges by evaluation, then public rating',
        querystring: RankingQuery,
        response: { 200: Ranking, ...errors },
      },
    },
    async (request) => {
      const period = request.query.period ?? periodOf(app.clock())
      const scope = await narrowScope(app.db, staffCaller(request), request.query.region)
      const rows = await ranking(app.db, scope, period)
      return {
        period,
        items: rows.slice(0, RANKING_LIMIT).map(toRankingItem),
        truncated: rows.length > RANKING_LIMIT,
      }
    },
  )

  app.get(
    '/review/pledge-templates',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Promise templates that apply in my region',
        response: { 200: PledgeTemplateList, ...errors },
      },
    },
    async (request) => ({
      items: (await templatesForStaff(app.db, staffCaller(request))).map((row) => ({
        id: row.id,
        kind: row.kind,
        text: row.text,
        regionName: row.region_name,
      })),
    }),
  )

  app.post(
    '/review/pledge-templates',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Add a promise template for my region',
        body: PledgeTemplateRequest,
        response: { 201: TemplateCreated, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const row = await app.db.transaction().execute(async (trx) => {
        const created = await insertTemplate(trx, caller, request.body.kind, request.body.text)
        await recordStaffAction(
          trx,
          caller,
          { requestId: request.id, ip: request.ip },
          'pledge.template.create',
          ['pledge_template', created.id],
          caller.regionPath,
        )
        return created
      })
      return reply.status(201).send(row)
    },
  )

  app.post(
    '/review/pledge-templates/:id/retire',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Stop offering a template of my region',
        params: TemplateParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      await app.db.transaction().execute(async (trx) => {
        if (!(await retireTemplate(trx, caller, request.params.id)))
          throw new ApiError(404, 'not_found', '模板不存在，或不属于你的辖区')
        await recordStaffAction(
          trx,
          caller,
          { requestId: request.id, ip: request.ip },
          'pledge.template.retire',
          ['pledge_template', request.params.id],
          caller.regionPath,
        )
      })
      return reply.status(204).send(null)
    },
  )
}

export default pledgeReportsRoutes
