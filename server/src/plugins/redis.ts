import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { connectRedis, firstContact, type SharedRedis } from '../shared-state/redis-client.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** null without REDIS_URL: one server, its limits and WeChat token kept in memory. */
    redis: SharedRedis | null
  }
}

/**
 * With REDIS_URL, what several servers must agree on lives in Redis: per-IP limits, the
 * unknown-plaque-code guard and WeChat's access_token. Redis being down does not stop
 * the start: each limit then fails open or closed as its route says.
 */
async function redis(app: FastifyInstance): Promise<void> {
  const url = app.config.REDIS_URL
  if (!url) {
    app.decorate('redis', null)
    return
  }
  const shared = connectRedis(url, app.config.REDIS_KEY_PREFIX, app.log)
  app.decorate('redis', shared)
  await firstContact(shared)
  app.addHook('onClose', () => shared.close())
}

export default fp(redis, { name: 'redis' })
