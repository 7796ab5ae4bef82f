import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { fetchAnswer } from './upstream.ts'
import { WechatError, type WechatErrorCode } from './wechat-error.ts'

export { WechatError, type WechatErrorCode }

export interface WechatClientOptions {
  mode: 'dev' | 'live'
  appId?: string
  secret?: string
  baseUrl: string
  timeoutMs: number
}

export interface WechatSession {
  openid: string
  unionid?: string
  /** Stays on the server: never logged, never sent to the mini-program. */
  sessionKey: string
}

export interface WechatClient {
  readonly mode: 'dev' | 'live'
  code2Session(code: string): Promise<WechatSession>
}

const ERRCODES = new Map<number, WechatErrorCode>([
  [40029, 'wechat_invalid_code'],
  [40163, 'wechat_invalid_code'], // the code was already exchanged once
  [45011, 'wechat_rate_limited'],
  [40226, 'wechat_high_risk_user'],
  [-1, 'wechat_unavailable'], // 系统繁忙: worth retrying, unlike the others
])

const failureSchema = z.object({
  errcode: z.int().refine((errcode) => errcode !== 0, 'errcode 0 means success'),
  errmsg: z.string().optional(),
})

const sessionSchema = z.object({
  openid: z.string().min(1),
  session_key: z.string().min(1),
  unionid: z.string().optional(),
})

// Names as typed by demo users (incl. Chinese); the prefix keeps dev openids apart from real ones.
const DEV_CODE = /^dev:([A-Za-z0-9_\-\p{Script=Han}]{1,32})$/u

export function createWechatClient(options: WechatClientOptions): WechatClient {
  if (options.mode === 'dev') return { mode: 'dev', code2Session: devCode2Session }
  const { appId, secret } = options
  if (!appId || !secret) {
    const missing = [!appId && 'WECHAT_APPID', !secret && 'WECHAT_SECRET'].filter(Boolean)
    throw new Error(`WECHAT_MODE=live needs ${missing.join(' and ')} to be set`)
  }
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/sns/jscode2session`
  return {
    mode: 'live',
    code2Session: (code) => liveCode2Session(endpoint, appId, secret, code, options.timeoutMs),
  }
}

/** The openid dev mode gives `dev:<name>`: the demo seed uses it so demo people can sign in. */
export function devOpenid(name: string): string {
  return `dev_${createHash('sha256').update(`djt-dev:${name}`).digest('hex').slice(0, 24)}`
}

async function devCode2Session(code: string): Promise<WechatSession> {
  const name = DEV_CODE.exec(code)?.[1]
  if (!name) throw new WechatError('wechat_invalid_code', undefined, 'not a dev:<name> code')
  return { openid: devOpenid(name), sessionKey: randomBytes(16).toString('base64') }
}

async function liveCode2Session(
  endpoint: string,
  appId: string,
  secret: string,
  code: string,
  timeoutMs: number,
): Promise<WechatSession> {
  if (!code) throw new WechatError('wechat_invalid_code', undefined, 'empty code')
  const grant_type = 'authorization_code'
  const query = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type })
  return readAnswer(await fetchAnswer(`${endpoint}?${query}`, timeoutMs))
}

function readAnswer(answer: unknown): WechatSession {
  const failure = failureSchema.safeParse(answer)
  if (failure.success) {
    const { errcode, errmsg } = failure.data
    throw new WechatError(ERRCODES.get(errcode) ?? 'wechat_error', errcode, errmsg)
  }
  const session = sessionSchema.safeParse(answer)
  if (!session.success) {
    throw new WechatError('wechat_unavailable', undefined, 'answer without openid/session_key')
  }
  const { openid, session_key: sessionKey, unionid } = session.data
  return unionid ? { openid, unionid, sessionKey } : { openid, sessionKey }
}
