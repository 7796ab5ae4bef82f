import underPressure from '@fastify/under-pressure'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** @fastify/under-pressure's per-route override; `answerUnderPressure` exempts a route. */
    pressureHandler?: () => undefined
  }
}

/** For /healthz: a busy process is alive, and restarting it would not make it less busy. */
export const answerUnderPressure = (): undefined => undefined

/**
 * Sheds load instead of queueing it: while the mean event-loop delay over the last second
 * is above PRESSURE_MAX_EVENT_LOOP_DELAY_MS, requests get 503 with Retry-After at once
 * (error code service_unavailable), so a proxy or the client tries again or elsewhere.
 */
export default fp(
  async (app) => {
    await app.register(underPressure, {
      maxEventLoopDelay: app.config.PRESSURE_MAX_EVENT_LOOP_DELAY_MS,
      retryAfter: app.config.PRESSURE_RETRY_AFTER_SECONDS,
    })
  },
  { name: 'pressure' },
)
