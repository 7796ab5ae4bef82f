import {
  AcceptHonourRequest,
  ErrorBody,
  Honour,
  HonourIdParams,
  HonourList,
  PublicHonourPage,
  PublicHonourQuery,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { userCaller } from '../auth/caller.ts'
import { notFound } from '../http/errors.ts'
import {
  findHonour,
  listMyHonours,
  listPublicHonours,
  publicHonourFacets,
} from './honours.repository.ts'
import {
  acceptHonour,
  checkPublicCity,
  declineHonour,
  decodePublicCursor,
  encodePublicCursor,
} from './honours.service.ts'
import { toHonour, toPublicHonour } from './honours.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['honours']

/** 最美骑手 for everyone: the public list, and the honoured rider's own answer. */
const honoursRoutes: FastifyPluginAsyncZod = async (app) => {
  const mine = async (userId: string, id: string) => {
    const row = await findHonour(app.db, id)
    if (!row || row.user_id !== userId) throw notFound('荣誉')
    return toHonour(row)
  }

  app.get(
    '/public/honours',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '最美骑手: the honours their riders agreed to show, by year and city (no sign-in)',
        querystring: PublicHonourQuery,
        response: { 200: PublicHonourPage, ...errors },
      },
    },
    async (request) => {
      const { year, city, limit } = request.query
      const after = decodePublicCursor(request.query.after)
      await checkPublicCity(app.db, city)
      const rows = await listPublicHonours(app.db, { year, city, limit }, after)
      const shown = rows.slice(0, limit)
      const last = shown.at(-1)
      return {
        items: shown.map(toPublicHonour),
        next: rows.length > limit && last ? encodePublicCursor(last) : null,
        ...(await publicHonourFacets(app.db)),
      }
    },
  )

  app.get(
    '/honours/mine',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The honours I was nominated for, whatever their state',
        response: { 200: HonourList, ...errors },
      },
    },
    async (request) => ({
      items: (await listMyHonours(app.db, userCaller(request).id)).map(toHonour),
    }),
  )

  app.post(
    '/honours/:id/accept',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Agree to be shown on the public list, under the full name or surname + 师傅',
        params: HonourIdParams,
        body: AcceptHonourRequest,
        response: { 200: Honour, ...errors },
      },
    },
    async (request) => {
      const caller = userCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) =>
          acceptHonour(trx, caller, request.params.id, request.body.nameShown, context),
        )
      return mine(caller.id, request.params.id)
    },
  )

  app.post(
    '/honours/:id/decline',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Not shown publicly: decline, or withdraw the consent given',
        params: HonourIdParams,
        response: { 200: Honour, ...errors },
      },
    },
    async (request) => {
      const caller = userCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => declineHonour(trx, caller, request.params.id, context))
      return mine(caller.id, request.params.id)
    },
  )
}

export default honoursRoutes
