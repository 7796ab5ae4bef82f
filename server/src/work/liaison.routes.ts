import {
  EndLiaisonRequest,
  ErrorBody,
  LiaisonPair,
  LiaisonPairList,
  LiaisonPairQuery,
  LiaisonPairRequest,
  LiaisonVisit,
  LiaisonVisitRequest,
  WorkIdParams,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { staffCaller } from '../auth/caller.ts'
import type { Database } from '../db/schema.ts'
import { workRegion } from '../regions/record-region.ts'
import { findPair, listPairs, visitsOf } from './liaison.repository.ts'
import { addVisit, closePair, createPair } from './work.service.ts'
import { toLiaisonPair, toLiaisonVisit } from './work.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['bureau work']

async function pairWithVisits(db: Kysely<Database>, id: string): Promise<LiaisonPair> {
  return toLiaisonPair(await findPair(db, id), await visitsOf(db, [id]))
}

/** 挂钩联系: each liaison keeps in touch with at least one organisation and visits it. */
const liaisonRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/work/liaison-pairs',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Liaison pairs under a region of my jurisdiction, with their visits',
        querystring: LiaisonPairQuery,
        response: { 200: LiaisonPairList, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const region = await workRegion(app.db, caller, request.query.region, {
        levels: ['province', 'city', 'county'],
        field: 'query.region',
      })
      const rows = await listPairs(app.db, caller, region.path, request.query.state)
      const visits = await visitsOf(
        app.db,
        rows.map((row) => row.id),
      )
      return { items: rows.map((row) => toLiaisonPair(row, visits)) }
    },
  )

  app.post(
    '/work/liaison-pairs',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Pair a liaison with an organisation',
        body: LiaisonPairRequest,
        response: { 201: LiaisonPair, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      const pair = await app.db.transaction().execute(async (trx) => {
        const id = await createPair(trx, caller, request.body, context)
        return pairWithVisits(trx, id)
      })
      return reply.status(201).send(pair)
    },
  )

  app.post(
    '/work/liaison-pairs/:id/end',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'End a liaison pair; its visits stay',
        params: WorkIdParams,
        body: EndLiaisonRequest,
        response: { 200: LiaisonPair, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      return app.db.transaction().execute(async (trx) => {
        await closePair(trx, caller, request.params.id, request.body.endedOn, context)
        return pairWithVisits(trx, request.params.id)
      })
    },
  )

  // Guidance-station staff record visits too: they are the liaisons' 党建指导员 on the ground.
  app.post(
    '/work/liaison-pairs/:id/visits',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Record a visit (走访) of a liaison pair',
        params: WorkIdParams,
        body: LiaisonVisitRequest,
        response: { 201: LiaisonVisit, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      const visit = await app.db
        .transaction()
        .execute((trx) => addVisit(trx, caller, request.params.id, request.body, context))
      return reply.status(201).send(toLiaisonVisit(visit))
    },
  )
}

export default liaisonRoutes
