import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { ApiError } from '../http/errors.ts'
import { answerUnderPressure } from './pressure.ts'

/** Route patterns, never raw URLs: a label per path would grow without end. */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? '(no route)'

/**
 * Prometheus metrics at /metrics, served only with `Authorization: Bearer METRICS_TOKEN`
 * (unset: no route at all, 404): request counts and durations per route, the process's
 * own (event-loop delay, memory, GC) and, on PostgreSQL, the pool's connections.
 */
export default fp(
  async (app) => {
    const token = app.config.METRICS_TOKEN
    if (!token) return
    const register = new Registry()
    collectDefaultMetrics({ register })
    const labelNames = ['method', 'route', 'status_code'] as const
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'Requests answered, by method, route pattern and status',
      labelNames,
      registers: [register],
    })
    const durations = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to answer, by method, route pattern and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [register],
    })
    new Gauge({
      name: 'djt_under_pressure',
      help: '1 while requests are refused with 503 because the event loop is stalled',
      registers: [register],
      collect() {
        this.set(app.isUnderPressure() ? 1 : 0)
      },
    })
    const poolStats = app.database.poolStats
    if (poolStats) {
      new Gauge({
        name: 'djt_db_pool_connections',
        help: 'PostgreSQL pool connections by state (in_use, idle) and queries waiting for one',
        labelNames: ['state'],
        registers: [register],
        collect() {
          const { total, idle, waiting } = poolStats()
          this.set({ state: 'in_use' }, total - idle)
          this.set({ state: 'idle' }, idle)
          this.set({ state: 'waiting' }, waiting)
        },
      })
    }

    app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
      const labels = {
        method: request.method,
        route: routeOf(request),
        status_code: String(reply.statusCode),
      }
      requests.inc(labels)
      durations.observe(labels, reply.elapsedTime / 1000)
    })

    const expected = digest(`Bearer ${token}`)
    app.get(
      '/metrics',
      {
        // Most needed when the server is struggling: never shed.
        config: { pressureHandler: answerUnderPressure },
        schema: { hide: true },
        onRequest: async (request) => {
          const given = digest(request.headers.authorization ?? '')
          if (!timingSafeEqual(given, expected))
            throw new ApiError(401, 'unauthorized', '需要监控令牌')
        },
      },
      async (_request, reply) => reply.type(register.contentType).send(await register.metrics()),
    )
  },
  { name: 'metrics', dependencies: ['db', 'pressure'] },
)

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
