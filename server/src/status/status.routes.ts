import { ErrorBody, Liveness, ServiceStatus } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { answerUnderPressure } from '../plugins/pressure.ts'
import { readServiceStatus, type StatusSources } from './status.service.ts'

/** Probes for the orchestrator (/healthz, /readyz) and the same status for the app. */
const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  // Read per request: the H5 plugin, registered after these routes, decorates homePage.
  const statusSources = (): StatusSources => ({
    db: app.db,
    driver: app.database.driver,
    migrationCount: app.migrationCount,
    wechatDevMode: app.wechat.mode === 'dev',
    homePage: app.homePage,
  })
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
      const status = await readServiceStatus(statusSources(), request.log)
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
    (request) => readServiceStatus(statusSources(), request.log),
  )
}

export default statusRoutes
