import {
  chinaYear,
  ErrorBody,
  PartyCommittee,
  PartyCommitteeParams,
  PartyCommitteeRequest,
  WorkSummary,
  WorkSummaryQuery,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { readCommittee, recordCommittee } from './committees.service.ts'
import { workSummary } from './summary.service.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const tags = ['bureau work']

/** 小个专党委 of each city and county, and the bureau's progress against the year's targets. */
const committeesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/work/party-committees/:code',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Whether a city or county of my jurisdiction has set up its 小个专党委',
        params: PartyCommitteeParams,
        response: { 200: PartyCommittee, ...errors },
      },
    },
    async (request) => readCommittee(app.db, staffCaller(request), request.params.code),
  )

  app.put(
    '/work/party-committees/:code',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: "Record my own city's or county's 小个专党委",
        params: PartyCommitteeParams,
        body: PartyCommitteeRequest,
        response: { 200: PartyCommittee, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      return app.db
        .transaction()
        .execute((trx) => recordCommittee(trx, caller, request.params.code, request.body, context))
    },
  )

  app.get(
    '/work/summary',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: "A region's progress against the year's work targets, and each child region's",
        querystring: WorkSummaryQuery,
        response: { 200: WorkSummary, ...errors },
      },
    },
    async (request) =>
      workSummary(
        app.db,
        staffCaller(request),
        request.query.region,
        request.query.year ?? chinaYear(app.clock()),
      ),
  )
}

export default committeesRoutes
