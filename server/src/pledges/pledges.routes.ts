import {
  ErrorBody,
  MyPledge,
  MyPledgeAnswer,
  PledgeTemplateList,
  PledgeTemplateQuery,
  SubmitPledgeRequest,
  WithdrawPledgeRequest,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { userCaller } from '../auth/caller.ts'
import { findOpenid } from '../auth/users.repository.ts'
import { BinaryFile } from '../http/binary.ts'
import { ApiError } from '../http/errors.ts'
import { findLatestMembership } from '../memberships/memberships.repository.ts'
import { eligibilityOf } from './eligibility.ts'
import { renderPlaque } from './plaque.service.ts'
import { plaqueSources } from './plaque-sources.ts'
import { loadPledge } from './pledge-details.ts'
import { findPledgeOfUser } from './pledges.repository.ts'
import { submitPledge, withdrawPledge } from './pledges.service.ts'
import { templatesFor } from './templates.repository.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const PlaqueParams = z.object({
  format: z.enum(['png', 'pdf'], { error: '承诺牌格式只能是 png 或 pdf' }),
})
const tags = ['pledges']
export const PLAQUE_TYPES = { png: 'image/png', pdf: 'application/pdf' } as const

/** A member's own pledge: write, edit, withdraw, and print its plaque. */
const pledgesRoutes: FastifyPluginAsyncZod = async (app) => {
  const mine = async (userId: string) => {
    const row = await findPledgeOfUser(app.db, userId)
    return row ? loadPledge(app.db, row, app.config.PUBLIC_BASE_URL) : null
  }
  const mustHave = async (userId: string) => {
    const pledge = await mine(userId)
    if (!pledge) throw new ApiError(404, 'not_found', '你还没有发布承诺')
    return pledge
  }

  app.get(
    '/pledges/mine',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'My pledge, and whether I may pledge',
        response: { 200: MyPledgeAnswer, ...errors },
      },
    },
    async (request) => {
      const caller = userCaller(request)
      const eligibility = eligibilityOf(await findLatestMembership(app.db, caller.id))
      return { ...eligibility, pledge: await mine(caller.id) }
    },
  )

  app.get(
    '/pledge-templates',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Promise templates for my region',
        querystring: PledgeTemplateQuery,
        response: { 200: PledgeTemplateList, ...errors },
      },
    },
    async (request) => {
      const membership = await findLatestMembership(app.db, userCaller(request).id)
      if (!membership?.region_path) return { items: [] }
      const rows = await templatesFor(app.db, membership.region_path, request.query.kind)
      return {
        items: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          text: row.text,
          regionName: row.region_name,
        })),
      }
    },
  )

  app.post(
    '/pledges/mine',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Send my pledge (or its new version) for approval',
        body: SubmitPledgeRequest,
        response: { 201: MyPledge, ...errors },
      },
    },
    async (request, reply) => {
      const caller = userCaller(request)
      const openid = await findOpenid(app.db, caller.id)
      await app.db
        .transaction()
        .execute((trx) =>
          submitPledge(trx, caller, openid, request.body.content, app.contentChecker),
        )
      return reply.status(201).send(await mustHave(caller.id))
    },
  )

  app.post(
    '/pledges/mine/withdraw',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Withdraw my pledge',
        body: WithdrawPledgeRequest,
        response: { 200: MyPledge, ...errors },
      },
    },
    async (request) => {
      const caller = userCaller(request)
      await app.db
        .transaction()
        .execute((trx) => withdrawPledge(trx, caller.id, request.body.reason))
      return mustHave(caller.id)
    },
  )

  app.get(
    '/pledges/mine/plaque.:format',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'My plaque, A5, as PNG or PDF',
        params: PlaqueParams,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const row = await findPledgeOfUser(app.db, userCaller(request).id)
      if (!row) throw new ApiError(404, 'not_found', '你还没有发布承诺')
      const { format } = request.params
      const file = await renderPlaque(plaqueSources(app), request.log, row, format)
      return reply
        .type(PLAQUE_TYPES[format])
        .header('content-disposition', `attachment; filename="plaque-${row.code}.${format}"`)
        .send(file)
    },
  )
}

export default pledgesRoutes
