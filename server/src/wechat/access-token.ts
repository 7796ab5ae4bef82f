import { z } from 'zod'
import { fetchAnswer, WechatError } from './wechat.client.ts'

export interface LiveOptions {
  baseUrl: string
  appId: string
  secret: string
  timeoutMs: number
}

/** The server's access_token, cached until shortly before WeChat expires it. */
export interface AccessToken {
  get(): Promise<string>
  /** WeChat said the token expired (40001/42001) before we thought it would. */
  forget(): void
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number() })
export const EXPIRED_TOKEN = new Set([40001, 42001])

export function createAccessToken(options: LiveOptions): AccessToken {
  const base = options.baseUrl.replace(/\/+$/, '')
  let cached: { token: string; until: number } | undefined
  return {
    async get() {
      if (cached && cached.until > Date.now()) return cached.token
      const query = new URLSearchParams({
        grant_type: 'client_credential',
        appid: options.appId,
        secret: options.secret,
      })
      const answer = tokenSchema.safeParse(
        await fetchAnswer(`${base}/cgi-bin/token?${query}`, options.timeoutMs),
      )
      if (!answer.success) throw new WechatError('wechat_unavailable', undefined, 'no access_token')
      const { access_token, expires_in } = answer.data
      cached = { token: access_token, until: Date.now() + Math.max(0, expires_in - 300) * 1000 }
      return access_token
    },
    forget() {
      cached = undefined
    },
  }
}

/** Calls `attempt` with the token, and once more with a fresh one if WeChat says it expired. */
export async function withToken<T extends { errcode?: number }>(
  token: AccessToken,
  attempt: (accessToken: string) => Promise<T>,
): Promise<T> {
  const first = await attempt(await token.get())
  if (!EXPIRED_TOKEN.has(first.errcode ?? 0)) return first
  token.forget()
  return attempt(await token.get())
}
