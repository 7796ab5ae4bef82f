import {
  ErrorBody,
  NewSupervisionReport,
  SupervisionReport,
  SupervisionReportIdParams,
  SupervisionReportList,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { userCaller } from '../auth/caller.ts'
import { findOpenid } from '../auth/users.repository.ts'
import { notFound } from '../http/errors.ts'
import { findReport, listMyReports } from './supervision.repository.ts'
import { makeReport, withDetails } from './supervision.service.ts'
import { toSupervisionReport } from './supervision.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody }
const tags = ['supervision']

/** 监督共治: a member rider reports a merchant and follows what the bureau found. */
const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const mine = async (userId: string, id: string) => {
    const row = await findReport(app.db, id)
    if (!row || row.user_id !== userId) throw notFound('监督共治报告')
    const [shown] = await withDetails(app.db, [row], toSupervisionReport)
    if (!shown) throw notFound('监督共治报告')
    return shown
  }

  app.post(
    '/supervision-reports',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Report a problem seen at a merchant (verified member riders)',
        body: NewSupervisionReport,
        response: { 201: SupervisionReport, ...errors },
      },
    },
    async (request, reply) => {
      const caller = userCaller(request)
      const openid = await findOpenid(app.db, caller.id)
      const context = { requestId: request.id, ip: request.ip }
      const id = await app.db
        .transaction()
        .execute((trx) =>
          makeReport(trx, caller, request.body, app.contentChecker, openid, app.clock(), context),
        )
      return reply.status(201).send(await mine(caller.id, id))
    },
  )

  app.get(
    '/supervision-reports/mine',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The reports I made, newest first, with what the bureau found',
        response: { 200: SupervisionReportList, ...errors },
      },
    },
    async (request) => {
      const rows = await listMyReports(app.db, userCaller(request).id)
      return { items: await withDetails(app.db, rows, toSupervisionReport) }
    },
  )

  app.get(
    '/supervision-reports/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One of my reports with what the bureau found',
        params: SupervisionReportIdParams,
        response: { 200: SupervisionReport, ...errors },
      },
    },
    async (request) => mine(userCaller(request).id, request.params.id),
  )
}

export default supervisionRoutes
