import {
  ErrorBody,
  StaffSupervisionPage,
  StaffSupervisionQuery,
  StaffSupervisionReport,
  SupervisionOutcomeRequest,
  SupervisionReportIdParams,
  SupervisionReportPhotoParams,
} from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { StaffCaller } from '../auth/access.ts'
import { staffCaller } from '../auth/caller.ts'
import { narrowScope } from '../auth/region-scope.ts'
import { BinaryFile } from '../http/binary.ts'
import { notFound } from '../http/errors.ts'
import { decodeCursor, queuePage } from '../kernel/queue-cursor.ts'
import { photoReply, sendPhoto } from '../uploads/photos.routes.ts'
import {
  countReportsInScope,
  findReportInScope,
  isReportPhoto,
  listReportsInScope,
} from './supervision.repository.ts'
import { recordOutcome, withDetails } from './supervision.service.ts'
import { toStaffSupervisionReport } from './supervision.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['supervision']
const access = { staff: 'station' } as const

async function detail(app: FastifyInstance, caller: StaffCaller, id: string) {
  const row = await findReportInScope(app.db, caller, id)
  if (!row) throw notFound('监督共治报告')
  const [shown] = await withDetails(app.db, [row], toStaffSupervisionReport)
  if (!shown) throw notFound('监督共治报告')
  return shown
}

/** Staff check the 监督共治 reports of their jurisdiction and record what they found. */
const staffSupervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff/supervision-reports',
    {
      config: { access },
      schema: {
        tags,
        summary: "My jurisdiction's 监督共治 reports, oldest first",
        querystring: StaffSupervisionQuery,
        response: { 200: StaffSupervisionPage, ...errors },
      },
    },
    async (request) => {
      const { region, limit, after, ...filter } = request.query
      const cursor = decodeCursor(after)
      const scope = await narrowScope(app.db, staffCaller(request), region)
      const rows = await listReportsInScope(
        app.db,
        scope,
        { ...filter, limit },
        cursor && { at: cursor.queuedAt, id: cursor.id },
      )
      const { shown, next } = queuePage(rows, limit, (row) => ({
        queuedAt: row.created_at,
        id: row.id,
      }))
      return {
        items: await withDetails(app.db, shown, toStaffSupervisionReport),
        next,
        total: await countReportsInScope(app.db, scope, filter),
      }
    },
  )

  app.get(
    '/staff/supervision-reports/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One 监督共治 report of my jurisdiction',
        params: SupervisionReportIdParams,
        response: { 200: StaffSupervisionReport, ...errors },
      },
    },
    async (request) => detail(app, staffCaller(request), request.params.id),
  )

  app.post(
    '/staff/supervision-reports/:id/outcome',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Record the outcome: 已核查属实并处理, 不属实, or 转办 (a county or a department)',
        params: SupervisionReportIdParams,
        body: SupervisionOutcomeRequest,
        response: { 200: StaffSupervisionReport, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => recordOutcome(trx, caller, request.params.id, request.body, context))
      return detail(app, caller, request.params.id)
    },
  )

  app.get(
    '/staff/supervision-reports/:id/photos/:photoId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A photo the rider sent with a 监督共治 report',
        params: SupervisionReportPhotoParams,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const { id, photoId } = request.params
      const row = await findReportInScope(app.db, staffCaller(request), id)
      if (!row || !(await isReportPhoto(app.db, id, photoId))) throw notFound('照片')
      const photo = await photoReply(app.db, photoId)
      return sendPhoto(reply, photo)
    },
  )
}

export default staffSupervisionRoutes
