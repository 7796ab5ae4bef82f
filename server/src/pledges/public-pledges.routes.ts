import {
  ErrorBody,
  PledgeCodeParams,
  PledgeContent,
  PublicPledge,
  RateRequest,
  Received,
  ReportRequest,
} from '@djt/shared'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { feedbackDevice } from '../devices/device-tokens.plugin.ts'
import { BinaryFile } from '../http/binary.ts'
import { photoReply, sendPhoto } from '../uploads/photos.routes.ts'
import { lookupError, pledgeCodeLookup } from './code-lookup.ts'
import { findVersion } from './pledges.repository.ts'
import { verdictOf } from './pledges.view.ts'
import { publicPledge, ratePledge, reportPledge } from './public.service.ts'

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody }
const feedbackErrors = { ...errors, 401: ErrorBody }
const tags = ['public']
// Per IP, loose: customers of one market often share a carrier's IP. The per-device daily
// limits (held by the database, per signed device token) do the real work, so these fail
// open when Redis is away, as the lookups do: a scan must keep answering.
const RATINGS_PER_IP = { max: 30, timeWindow: 600_000, skipOnError: true }
const REPORTS_PER_IP = { max: 20, timeWindow: 600_000, skipOnError: true }
const LOOKUPS_PER_IP = { max: 120, timeWindow: 60_000, skipOnError: true }

/** The scanner's page: no sign-in. Unknown codes are counted so codes cannot be guessed. */
const publicPledgesRoutes: FastifyPluginAsyncZod = async (app) => {
  const find = pledgeCodeLookup(app)
  const lookUp = async (request: FastifyRequest, code: string) => {
    const found = await find(request, code)
    if (found.row) return found.row
    throw lookupError(found.failure)
  }

  app.get(
    '/public/pledges/:code',
    {
      config: { access: 'public', rateLimit: LOOKUPS_PER_IP },
      schema: {
        tags,
        summary: 'A pledge and its live status, as a scan shows it',
        params: PledgeCodeParams,
        response: { 200: PublicPledge, ...errors },
      },
    },
    async (request) => publicPledge(app.db, await lookUp(request, request.params.code)),
  )

  app.get(
    '/public/pledges/:code/photo',
    {
      config: { access: 'public', rateLimit: LOOKUPS_PER_IP },
      schema: {
        tags,
        summary: "The stall's photo on a valid pledge",
        params: PledgeCodeParams,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const row = await lookUp(request, request.params.code)
      const version =
        verdictOf(row).status === 'valid'
          ? await findVersion(app.db, row.public_version_id)
          : undefined
      const photo = await photoReply(
        app.db,
        version && PledgeContent.parse(version.content).photoId,
        'public',
      )
      return sendPhoto(reply, photo, 'public')
    },
  )

  app.post(
    '/public/pledges/:code/ratings',
    {
      config: { access: 'public', rateLimit: RATINGS_PER_IP },
      schema: {
        tags,
        summary: 'Rate a pledge 1–5 (anonymous with a device token; once a day per device)',
        params: PledgeCodeParams,
        body: RateRequest,
        response: { 201: Received, ...feedbackErrors },
      },
    },
    async (request, reply) => {
      const device = feedbackDevice(request)
      const row = await lookUp(request, request.params.code)
      const rating = await app.db
        .transaction()
        .execute((trx) => ratePledge(trx, row, request.body, device, app.contentChecker))
      return reply.status(201).send({ message: '感谢你的评价', rating })
    },
  )

  app.post(
    '/public/pledges/:code/reports',
    {
      config: { access: 'public', rateLimit: REPORTS_PER_IP },
      schema: {
        tags,
        summary: 'Report a broken promise (anonymous with a device token)',
        params: PledgeCodeParams,
        body: ReportRequest,
        response: { 201: Received, ...feedbackErrors },
      },
    },
    async (request, reply) => {
      const device = feedbackDevice(request)
      const row = await lookUp(request, request.params.code)
      await app.db
        .transaction()
        .execute((trx) => reportPledge(trx, row, request.body, device, app.contentChecker))
      return reply
        .status(201)
        .send({ message: '已收到你的举报，市场监管部门会核实处理，结果将在本页公示' })
    },
  )
}

export default publicPledgesRoutes
