import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { SharedRedis } from '../shared-state/redis-client.ts'

export interface FetchedToken {
  token: string
  ttlMs: number
}

export interface TokenCache {
  /** The token every server shares, fetched by one of them when there is none. */
  getOrFetch(fetch: () => Promise<FetchedToken>): Promise<FetchedToken>
  /** Drops `stale` unless another server has already put a newer token in its place. */
  drop(stale: string): Promise<void>
}

const POLL_MS = 100

/**
 * WeChat's access_token kept once in Redis for every server. A short lock (SET NX PX) lets
 * one server fetch while the others wait and read what it stored. Redis being away fails
 * open: each server then fetches for itself, which stable_token makes harmless.
 */
export function sharedTokenCache(redis: SharedRedis, appId: string, timeoutMs: number): TokenCache {
  const { client } = redis
  const tokenKey = `${redis.prefix}wechat:access-token:${appId}`
  const lockKey = `${redis.prefix}wechat:access-token-lock:${appId}`
  const lockMs = timeoutMs + 1000
  const quietly = async <T>(call: () => Promise<T>, otherwise: T): Promise<T> => {
    try {
      const answer = await call()
      redis.answered()
      return answer
    } catch (error) {
      redis.failed(error)
      return otherwise
    }
  }
  const read = () =>
    quietly(async (): Promise<FetchedToken | undefined> => {
      const [token, ttl] = (await client.multi().get(tokenKey).pttl(tokenKey).exec()) ?? []
      const ttlMs = Number(ttl?.[1])
      return typeof token?.[1] === 'string' && ttlMs > 0 ? { token: token[1], ttlMs } : undefined
    }, undefined)
  const waitForOther = async () => {
    for (const deadline = Date.now() + lockMs; Date.now() < deadline; ) {
      await sleep(POLL_MS)
      const found = await read()
      if (found) return found
    }
    return undefined
  }
  return {
    async getOrFetch(fetch) {
      const found = await read()
      if (found) return found
      const owner = randomUUID()
      const lock = await quietly(
        async () => ((await client.set(lockKey, owner, 'PX', lockMs, 'NX')) ? 'mine' : 'busy'),
        'down' as const,
      )
      // The holder stores the token for us; if it dies or gives up, fetch it ourselves.
      const stored = lock === 'busy' ? await waitForOther() : await read()
      if (stored) return stored
      try {
        const fresh = await fetch()
        if (lock !== 'down' && fresh.ttlMs > 0)
          await quietly(() => client.set(tokenKey, fresh.token, 'PX', fresh.ttlMs), null)
        return fresh
      } finally {
        if (lock === 'mine') await quietly(() => client.delIfEquals(lockKey, owner), 0)
      }
    },
    async drop(stale) {
      await quietly(() => client.delIfEquals(tokenKey, stale), 0)
    },
  }
}
