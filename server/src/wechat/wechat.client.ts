import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'

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

export type WechatErrorCode =
  | 'wechat_invalid_code'
  | 'wechat_rate_limited'
  | 'wechat_high_risk_user'
  | 'wechat_unavailable'
  | 'wechat_error'

const MESSAGES: Record<WechatErrorCode, string> = {
  wechat_invalid_code: '登录凭证无效或已过期，请重新进入小程序',
  wechat_rate_limited: '登录过于频繁，请稍后再试',
  wechat_high_risk_user: '该微信账号存在安全风险，暂不能登录',
  wechat_unavailable: '微信服务暂不可用，请稍后再试',
  wechat_error: '微信登录失败，请稍后再试',
}

/**
 * A failed code2Session. The message is for the user; `cause` is a short note for the
 * operator that never holds the request URL (it carries the secret) or the session_key.
 */
export class WechatError extends Error {
  override name = 'WechatError'
  constructor(
    readonly code: WechatErrorCode,
    readonly errcode?: number,
    cause?: string,
  ) {
    super(MESSAGES[code], cause ? { cause } : undefined)
  }
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

/** One WeChat API call: a network failure, a timeout or a non-2xx all mean "unavailable". */
export async function fetchAnswer(
  url: string,
  timeoutMs: number,
  init: RequestInit = {},
): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    throw new WechatError('wechat_unavailable', undefined, describeFailure(error))
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new WechatError('wechat_unavailable', undefined, `HTTP ${response.status}`)
  }
  try {
    return await response.json()
  } catch (error) {
    throw new WechatError('wechat_unavailable', undefined, describeFailure(error))
  }
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

// Only the error's kind: undici's messages and causes may quote the URL, which holds the secret.
function describeFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'timeout'
  if (error instanceof SyntaxError) return 'answer is not JSON'
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code
  return typeof cause === 'string' ? `network error ${cause}` : 'network error'
}
