import type {
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
  RateLimitPluginOptions,
} from '@fastify/rate-limit'
import { ApiError } from '../http/errors.ts'
import type { SharedRedis } from './redis-client.ts'

/** What a fail-closed limit answers while Redis is away (routes with `skipOnError: false`). */
export const limitsUnavailable = () =>
  new ApiError(
    503,
    'limits_unavailable',
    '访问频率校验服务暂不可用，为安全起见暂停此操作，请稍后再试',
  )

/**
 * Imports per IP (registers, places): each reads a whole file in one transaction. Fails
 * closed, like every upload, when Redis is away.
 */
export const IMPORTS_PER_IP = { max: 30, timeWindow: 3_600_000, skipOnError: false }

/**
 * `@fastify/rate-limit` options: the in-process store without Redis, else a store that
 * counts in Redis (one INCR + PEXPIRE script, as the plugin's own RedisStore does) and
 * turns a Redis failure into `limits_unavailable`, logged once per outage. Whether that
 * failure refuses the request is each route's `skipOnError`.
 */
export function rateLimitOptions(redis: SharedRedis | null): RateLimitPluginOptions {
  if (!redis) return { global: false }
  return { global: false, store: sharedLimitStore(redis) }
}

function sharedLimitStore(redis: SharedRedis): FastifyRateLimitStoreCtor {
  class SharedLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = `${redis.prefix}limit:`,
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      redis.client.limitHit(this.prefix + key, timeWindow).then(
        ([current, ttl]) => {
          redis.answered()
          callback(null, { current, ttl })
        },
        (error: unknown) => {
          redis.failed(error)
          callback(limitsUnavailable())
        },
      )
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the route as `routeInfo` (its types say otherwise).
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo
      return new SharedLimitStore(undefined, `${this.prefix}${route?.method}${route?.url}:`)
    }
  }
  return SharedLimitStore
}
