import { ErrorBody, Liveness, ServiceStatus } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { readServiceStatus } from './status.service.ts'

/** Probes for the orchestrator (/healthz, /readyz) and the same status for the app. */
const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags: ['status'], summary: 'The process is up', response: { 200: Liveness } },
    },
    async () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['status'],
        summary: 'The database is reachable and its migrations are current',
        response: { 200: ServiceStatus, 503: ServiceStatus },
      },
    },
    async (_request, reply) => {
      const status = await readServiceStatus(app)
      const ready = status.ready && !app.draining
      return reply.status(ready ? 200 : 503).send({ ...status, ready })
    },
  )
  app.get(
    '/api/v1/status',
    {
      config: { access: 'public' },
      schema: {
        tags: ['status'],
        summary: 'Service status as the mini-program shows it (readiness, demo mode)',
        response: { 200: ServiceStatus, 500: ErrorBody },
      },
    },
    () => readServiceStatus(app),
  )
}

export default statusRoutes
