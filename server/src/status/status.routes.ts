import { ErrorBody, Liveness, ServiceStatus } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { answerUnderPressure } from '../plugins/pressure.ts'
import { readServiceStatus } from './status.service.ts'

/** Probes for the orchestrator (/healthz, /readyz) and the same status for the app. */
const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      // Liveness answers under pressure (a restart would not help); readiness is shed.
      config: { access: 'public', pressureHandler: answerUnderPressure },
      schema: { tags: ['status'], summary: 'The process is up', response: { 200: Liveness } },
    },
    async () => ({ status: 'ok' as const, underPressure: app.isUnderPressure() }),
  )
  app.get(
    '/readyz',
    {
      // Answered under pressure too, with 503: not ready for more traffic just now.
      config: { access: 'public', pressureHandler: answerUnderPressure },
      schema: {
        tags: ['status'],
        summary: 'The database is reachable and its migrations are current',
        response: { 200: ServiceStatus, 503: ServiceStatus },
      },
    },
    async (request, reply) => {
      const status = await readServiceStatus(app, request.log)
      if (app.isUnderPressure()) {
        reply.header('retry-after', app.config.PRESSURE_RETRY_AFTER_SECONDS)
        return reply.status(503).send({ ...status, ready: false })
      }
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
    (request) => readServiceStatus(app, request.log),
  )
}

export default statusRoutes
