import { ErrorBody, MyMembership, MyMembershipReply, SaveMembershipRequest } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { userCaller } from '../auth/caller.ts'
import { findLatestMembership, listEvents } from './memberships.repository.ts'
import { saveMembership, withdrawMembership } from './memberships.service.ts'
import { toMyMembership } from './memberships.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** The member's own entry: save a draft, submit, edit while pending, answer, withdraw. */
const membershipsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/memberships',
    {
      config: { access: 'user' },
      schema: {
        tags: ['memberships'],
        summary: 'Create, save as draft, submit or edit my registration',
        body: SaveMembershipRequest,
        response: { 200: MyMembership, 201: MyMembership, ...errors },
      },
    },
    async (request, reply) => {
      const user = userCaller(request)
      const result = await app.db.transaction().execute(async (trx) => {
        const { row, created } = await saveMembership(trx, app.cipher, user, request.body)
        return { created, view: toMyMembership(app.cipher, row, await listEvents(trx, row.id)) }
      })
      return reply.status(result.created ? 201 : 200).send(result.view)
    },
  )

  app.get(
    '/memberships/mine',
    {
      config: { access: 'user' },
      schema: {
        tags: ['memberships'],
        summary: 'My registration with its timeline (mobile and ID number masked)',
        response: { 200: MyMembershipReply, ...errors },
      },
    },
    async (request) => {
      const row = await findLatestMembership(app.db, userCaller(request).id)
      if (!row) return { membership: null }
      return { membership: toMyMembership(app.cipher, row, await listEvents(app.db, row.id)) }
    },
  )

  app.post(
    '/memberships/mine/withdraw',
    {
      config: { access: 'user' },
      schema: {
        tags: ['memberships'],
        summary: 'Withdraw my registration before it is decided',
        response: { 200: MyMembership, ...errors },
      },
    },
    async (request) =>
      app.db.transaction().execute(async (trx) => {
        const row = await withdrawMembership(trx, userCaller(request))
        return toMyMembership(app.cipher, row, await listEvents(trx, row.id))
      }),
  )
}

export default membershipsRoutes
