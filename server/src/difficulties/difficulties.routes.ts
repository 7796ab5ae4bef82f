import {
  Difficulty,
  DifficultyFeedbackRequest,
  DifficultyIdParams,
  DifficultyList,
  ErrorBody,
  ME_TOO_RADIUS_METRES,
  NearbyDifficultyList,
  NearbyDifficultyQuery,
  RaiseDifficultyRequest,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { userCaller } from '../auth/caller.ts'
import { findOpenid } from '../auth/users.repository.ts'
import { notFound } from '../http/errors.ts'
import {
  findDifficulty,
  listMyDifficulties,
  nearbyOpenDifficulties,
} from './difficulties.repository.ts'
import { addMeTooTo, giveFeedback, raiseDifficulty, withDetails } from './difficulties.service.ts'
import { toDifficulty } from './difficulties.view.ts'

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
}
const tags = ['difficulties']

/** A rider's difficulties (诉求): raise one, follow the answers, say whether they helped. */
const difficultiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const mine = async (userId: string, id: string) => {
    const row = await findDifficulty(app.db, id)
    if (!row || row.user_id !== userId) throw notFound('诉求')
    const [shown] = await withDetails(app.db, [row], toDifficulty)
    if (!shown) throw notFound('诉求')
    return shown
  }

  app.post(
    '/difficulties',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Raise a difficulty (riders; a chosen place, never the live position)',
        body: RaiseDifficultyRequest,
        response: { 201: Difficulty, ...errors },
      },
    },
    async (request, reply) => {
      const caller = userCaller(request)
      const openid = await findOpenid(app.db, caller.id)
      const context = { requestId: request.id, ip: request.ip }
      const id = await app.db
        .transaction()
        .execute((trx) =>
          raiseDifficulty(
            trx,
            caller,
            request.body,
            app.contentChecker,
            openid,
            app.clock(),
            context,
          ),
        )
      return reply.status(201).send(await mine(caller.id, id))
    },
  )

  app.get(
    '/difficulties/mine',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The difficulties I raised, newest first, with every answer',
        response: { 200: DifficultyList, ...errors },
      },
    },
    async (request) => {
      const rows = await listMyDifficulties(app.db, userCaller(request).id)
      return { items: await withDetails(app.db, rows, toDifficulty) }
    },
  )

  app.get(
    '/difficulties/nearby',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Open difficulties near a point, for 我也遇到 (the point is not stored)',
        querystring: NearbyDifficultyQuery,
        response: { 200: NearbyDifficultyList, ...errors },
      },
    },
    async (request) => {
      const caller = userCaller(request)
      const rows = await nearbyOpenDifficulties(app.db, caller.id, {
        ...request.query,
        radius: ME_TOO_RADIUS_METRES,
      })
      const shown = await withDetails(app.db, rows, toDifficulty)
      return {
        items: rows.map((row, i) => {
          const { id, category, text, place, meToo, createdAt } =
            shown[i] ?? toDifficulty(row, [], [])
          return {
            id,
            category,
            text,
            place,
            meToo,
            createdAt,
            distance: Math.round(row.distance),
            mine: row.user_id === caller.id,
            meTooByMe: row.me_too_by_me,
          }
        }),
      }
    },
  )

  app.get(
    '/difficulties/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One of my difficulties with every answer',
        params: DifficultyIdParams,
        response: { 200: Difficulty, ...errors },
      },
    },
    async (request) => mine(userCaller(request).id, request.params.id),
  )

  app.post(
    '/difficulties/:id/feedback',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Say whether the answers helped',
        params: DifficultyIdParams,
        body: DifficultyFeedbackRequest,
        response: { 200: Difficulty, ...errors },
      },
    },
    async (request) => {
      const caller = userCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) =>
          giveFeedback(trx, caller, request.params.id, request.body.helpful, context),
        )
      return mine(caller.id, request.params.id)
    },
  )

  app.post(
    '/difficulties/:id/me-too',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: '我也遇到: add myself to an open difficulty instead of raising it again',
        params: DifficultyIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const caller = userCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => addMeTooTo(trx, caller, request.params.id, context))
      return reply.status(204).send(null)
    },
  )
}

export default difficultiesRoutes
