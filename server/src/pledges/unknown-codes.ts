import type { SharedRedis } from '../shared-state/redis-client.ts'

/**
 * Plaque codes are random, but a scanner of guesses could still try many: after `max`
 * unknown codes from one IP within the window, that IP gets 429 for every code, known or
 * not, until the window passes.
 */
export interface UnknownCodeGuard {
  /** This IP has used up its unknown codes for the window. */
  blocked(ip: string): Promise<boolean>
  /** Counts one unknown code; true when it is over the limit (answer 429, not 404). */
  miss(ip: string): Promise<boolean>
}

/** Shared by every server when Redis is configured, else this process's own count. */
export function unknownCodeGuard(
  redis: SharedRedis | null,
  max: number,
  windowMs: number,
): UnknownCodeGuard {
  const local = memoryUnknownCodeGuard(max, windowMs)
  return redis ? redisUnknownCodeGuard(redis, max, windowMs, local) : local
}

/**
 * One counter per IP (INCR, the window set by the first miss), so N servers let exactly
 * `max` unknown codes through however the requests are spread. A public read fails open:
 * while Redis is away each server counts on its own.
 */
export function redisUnknownCodeGuard(
  redis: SharedRedis,
  max: number,
  windowMs: number,
  fallback: UnknownCodeGuard,
): UnknownCodeGuard {
  const key = (ip: string) => `${redis.prefix}unknown-codes:${ip}`
  const shared = async <T>(call: () => Promise<T>, local: () => Promise<T>): Promise<T> => {
    try {
      const answer = await call()
      redis.answered()
      return answer
    } catch (error) {
      redis.failed(error)
      return local()
    }
  }
  return {
    blocked: (ip) =>
      shared(
        async () => Number(await redis.client.get(key(ip))) >= max,
        () => fallback.blocked(ip),
      ),
    miss: (ip) =>
      shared(
        async () => (await redis.client.limitHit(key(ip), windowMs))[0] > max,
        () => fallback.miss(ip),
      ),
  }
}

/** One process's own count, kept for at most `capacity` IPs. */
export function memoryUnknownCodeGuard(
  max: number,
  windowMs: number,
  capacity = 50_000,
): UnknownCodeGuard {
  const misses = new Map<string, { count: number; since: number }>()
  const current = (ip: string, now: number) => {
    const entry = misses.get(ip)
    if (!entry || now - entry.since >= windowMs) return undefined
    return entry
  }
  return {
    async blocked(ip) {
      return (current(ip, Date.now())?.count ?? 0) >= max
    },
    async miss(ip) {
      const now = Date.now()
      const entry = current(ip, now)
      if (entry) {
        entry.count += 1
        return entry.count > max
      }
      // Forget the oldest IP rather than grow without bound under a spread-out scan.
      if (misses.size >= capacity) misses.delete(misses.keys().next().value as string)
      misses.delete(ip)
      misses.set(ip, { count: 1, since: now })
      return 1 > max
    },
  }
}
