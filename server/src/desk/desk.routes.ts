import { ErrorBody, PendingCounts } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { pendingCounts } from './desk.service.ts'

/** The staff desk's own figures: what waits in each queue of my jurisdiction. */
const deskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/desk/pending',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['desk'],
        summary: 'How many entries wait in each staff queue of my jurisdiction',
        response: { 200: PendingCounts, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => pendingCounts(app.db, staffCaller(request)),
  )
}

export default deskRoutes
