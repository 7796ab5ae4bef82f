import {
  Checkin,
  CheckinDecision,
  CheckinList,
  CheckinPage,
  CheckinQueueQuery,
  CheckinRequest,
  ErrorBody,
  PlaceParams,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { staffCaller, userCaller } from '../auth/caller.ts'
import { narrowScope } from '../auth/region-scope.ts'
import { ApiError } from '../http/errors.ts'
import { firstPageTotal } from '../kernel/page-total.ts'
import { decodeCursor, queuePage } from '../kernel/queue-cursor.ts'
import {
  countCheckinsInScope,
  findCheckin,
  listCheckinsInScope,
  listMyCheckins,
} from './checkins.repository.ts'
import { checkIn, decide } from './checkins.service.ts'
import { toCheckin } from './checkins.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const CheckinParams = z.object({ id: z.uuid('报到编号格式不正确') })
const tags = ['checkins']

/** Two check-ins racing past the check meet the unique index: the loser is told why. */
function alreadyOpen(error: unknown): never {
  if ((error as { code?: string }).code === '23505')
    throw new ApiError(409, 'conflict', '您已在该党支部报到或正在等待确认')
  throw error
}

/** Flow members check in (报到) at a branch; the branch's staff confirm. */
const checkinsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/places/:id/checkins',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Check in at a flow-member branch (verified members only)',
        params: PlaceParams,
        body: CheckinRequest,
        response: { 201: Checkin, ...errors },
      },
    },
    async (request, reply) => {
      const context = { requestId: request.id, ip: request.ip }
      const caller = userCaller(request)
      const row = await app.db
        .transaction()
        .execute(async (trx) => {
          const id = await checkIn(trx, caller, request.params.id, request.body.note, context)
          return findCheckin(trx, id)
        })
        .catch(alreadyOpen)
      return reply.status(201).send(toCheckin(row))
    },
  )

  app.get(
    '/checkins/mine',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'My check-ins, newest first',
        response: { 200: CheckinList, ...errors },
      },
    },
    async (request) => ({
      items: (await listMyCheckins(app.db, userCaller(request).id)).map(toCheckin),
    }),
  )

  app.get(
    '/review/checkins',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Check-ins at branches in my jurisdiction, oldest first',
        querystring: CheckinQueueQuery,
        response: { 200: CheckinPage, ...errors },
      },
    },
    async (request) => {
      const { region, state, limit } = request.query
      const cursor = decodeCursor(request.query.after)
      const scope = await narrowScope(app.db, staffCaller(request), region)
      const rows = await listCheckinsInScope(
        app.db,
        scope,
        { state, limit },
        cursor && { at: cursor.queuedAt, id: cursor.id },
      )
      const { shown, next } = queuePage(rows, limit, (row) => ({
        queuedAt: row.created_at,
        id: row.id,
      }))
      return {
        items: shown.map(toCheckin),
        next,
        ...(await firstPageTotal(request.query.after, () =>
          countCheckinsInScope(app.db, scope, state),
        )),
      }
    },
  )

  app.post(
    '/review/checkins/:id/decision',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Confirm or decline a check-in',
        params: CheckinParams,
        body: CheckinDecision,
        response: { 200: Checkin, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      return toCheckin(
        await app.db.transaction().execute(async (trx) => {
          await decide(trx, caller, request.params.id, request.body, context)
          return findCheckin(trx, request.params.id)
        }),
      )
    },
  )
}

export default checkinsRoutes
