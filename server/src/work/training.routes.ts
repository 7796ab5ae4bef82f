import {
  ErrorBody,
  TrainingSession,
  TrainingSessionList,
  TrainingSessionQuery,
  TrainingSessionRequest,
  WorkIdParams,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { staffCaller } from '../auth/caller.ts'
import { workRegion } from '../regions/record-region.ts'
import { findSession, listSessions } from './training.repository.ts'
import { createSession, removeSession } from './work.service.ts'
import { toTrainingSession } from './work.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const tags = ['bureau work']

/** 党务培训班: classes a city or county held, and how many people they trained. */
const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/work/training-sessions',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Training sessions under a region of my jurisdiction (mine by default)',
        querystring: TrainingSessionQuery,
        response: { 200: TrainingSessionList, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const region = await workRegion(app.db, caller, request.query.region, {
        levels: ['province', 'city', 'county'],
        field: 'query.region',
      })
      const rows = await listSessions(app.db, caller, region.path, request.query.year)
      return { items: rows.map(toTrainingSession) }
    },
  )

  app.post(
    '/work/training-sessions',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Record a training session of a city or county in my jurisdiction',
        body: TrainingSessionRequest,
        response: { 201: TrainingSession, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      const row = await app.db.transaction().execute(async (trx) => {
        const id = await createSession(trx, caller, request.body, context)
        return findSession(trx, id)
      })
      return reply.status(201).send(toTrainingSession(row))
    },
  )

  app.delete(
    '/work/training-sessions/:id',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Delete a training session entered by mistake',
        params: WorkIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => removeSession(trx, caller, request.params.id, context))
      return reply.status(204).send(null)
    },
  )
}

export default trainingRoutes
