import { z } from 'zod'
import type { SharedRedis } from '../shared-state/redis-client.ts'
import { sharedTokenCache, type TokenCache } from './token-cache.ts'
import { fetchAnswer } from './upstream.ts'
import { WechatError } from './wechat-error.ts'

export interface LiveOptions {
  baseUrl: string
  appId: string
  secret: string
  timeoutMs: number
}

/** The server's access_token, cached until shortly before WeChat expires it. */
export interface AccessToken {
  get(): Promise<string>
  /** WeChat said `stale` expired (40001/42001) before we thought it would. */
  forget(stale: string): Promise<void>
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number() })
export const EXPIRED_TOKEN = new Set([40001, 42001])
/** Renewed this long before WeChat's expiry, so no call goes out with a dying token. */
const MARGIN_S = 300

/**
 * `cgi-bin/stable_token` (not `cgi-bin/token`, which issues a new token and kills the
 * previous one): every caller gets the same token while it is valid, so servers that each
 * fetch one do not break each other. With Redis the token is also kept once for all of
 * them, fetched by one server at a time.
 */
export function createAccessToken(options: LiveOptions, redis?: SharedRedis | null): AccessToken {
  const base = options.baseUrl.replace(/\/+$/, '')
  const fetchStable = async () => {
    const answer = tokenSchema.safeParse(
      await fetchAnswer(`${base}/cgi-bin/stable_token`, options.timeoutMs, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credential',
          appid: options.appId,
          secret: options.secret,
          force_refresh: false,
        }),
      }),
    )
    if (!answer.success) throw new WechatError('wechat_unavailable', undefined, 'no access_token')
    const { access_token, expires_in } = answer.data
    return { token: access_token, ttlMs: Math.max(0, expires_in - MARGIN_S) * 1000 }
  }
  const shared: TokenCache | undefined = redis
    ? sharedTokenCache(redis, options.appId, options.timeoutMs)
    : undefined
  let cached: { token: string; until: number } | undefined
  let pending: Promise<string> | undefined
  const refresh = async () => {
    const fresh = shared ? await shared.getOrFetch(fetchStable) : await fetchStable()
    cached = { token: fresh.token, until: Date.now() + fresh.ttlMs }
    return fresh.token
  }
  return {
    async get() {
      if (cached && cached.until > Date.now()) return cached.token
      // One refresh per process at a time, however many requests need the token.
      pending ??= refresh().finally(() => {
        pending = undefined
      })
      return pending
    },
    async forget(stale) {
      if (cached?.token === stale) cached = undefined
      await shared?.drop(stale)
    },
  }
}

/** Calls `attempt` with the token, and once more with a fresh one if WeChat says it expired. */
export async function withToken<T extends { errcode?: number }>(
  token: AccessToken,
  attempt: (accessToken: string) => Promise<T>,
): Promise<T> {
  const stale = await token.get()
  const first = await attempt(stale)
  if (!EXPIRED_TOKEN.has(first.errcode ?? 0)) return first
  await token.forget(stale)
  return attempt(await token.get())
}
