import { Redis, type Result } from 'ioredis'

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** INCR with the window set on the first hit: [count, ms left]. */
    limitHit(key: string, windowMs: number): Result<[number, number], Context>
    /** DEL only while the key still holds `value` (a lock or token someone else may have replaced). */
    delIfEquals(key: string, value: string): Result<number, Context>
  }
}

interface Log {
  warn(object: object, message: string): void
  info(message: string): void
}

/**
 * The Redis every server of a deployment shares, with the key prefix of this deployment.
 * `failed` / `answered` keep track of outages so each is logged once, not per request.
 */
export interface SharedRedis {
  client: Redis
  prefix: string
  failed(error: unknown): void
  answered(): void
  close(): Promise<void>
}

/**
 * Short timeouts and no offline queue: while Redis is away a command fails at once, and
 * the caller decides (fail open or closed) instead of every request waiting on reconnects.
 */
export function connectRedis(url: string, prefix: string, log: Log): SharedRedis {
  const client = new Redis(url, {
    connectTimeout: 500,
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  })
  client.defineCommand('limitHit', {
    numberOfKeys: 1,
    lua: `local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      return {n, redis.call('PTTL', KEYS[1])}`,
  })
  client.defineCommand('delIfEquals', {
    numberOfKeys: 1,
    lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0`,
  })
  let state: 'starting' | 'up' | 'down' = 'starting'
  const failed = (error: unknown) => {
    if (state === 'down') return
    state = 'down'
    log.warn(
      { redis: describe(error) },
      'Redis unreachable: public reads go on unlimited, staff sign-in and uploads answer 503 until it is back',
    )
  }
  const answered = () => {
    if (state === 'down') log.info('Redis is back: per-IP limits are shared again')
    state = 'up'
  }
  client.on('ready', answered)
  // ioredis emits an error for every failed reconnect: `failed` keeps only the first.
  client.on('error', failed)
  client.on('close', () => state === 'up' && failed(new Error('connection closed')))
  return {
    client,
    prefix,
    failed,
    answered,
    close: async () => {
      client.removeAllListeners()
      client.on('error', () => {})
      client.disconnect()
    },
  }
}

/** Waits until the first connection answers or fails, so the start does not race it. */
export function firstContact(redis: SharedRedis, timeoutMs = 1500): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      redis.client.off('ready', done)
      redis.client.off('error', done)
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    if (redis.client.status === 'ready') return done()
    redis.client.once('ready', done)
    redis.client.once('error', done)
  })
}

/** The kind of failure only: messages may quote the URL, which may hold a password. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string') return code
  return error instanceof Error ? error.message.slice(0, 80) : 'unknown error'
}
