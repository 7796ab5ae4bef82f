import { z } from 'zod'
import { fetchAnswer, WechatError } from './wechat.client.ts'

export interface SubscribeMessage {
  openid: string
  templateId: string
  /** The mini-program page the message opens, e.g. packageMember/pages/status/index. */
  page: string
  /** Template keys (thing1, phrase2, time3 …) to their values. */
  data: Record<string, string>
}

export interface Messenger {
  /** 'refused': the user has not subscribed (43101), which is their choice, not a failure. */
  send(message: SubscribeMessage): Promise<'sent' | 'refused'>
}

interface LiveOptions {
  baseUrl: string
  appId: string
  secret: string
  timeoutMs: number
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number() })
const resultSchema = z.object({ errcode: z.number().default(0), errmsg: z.string().optional() })
const EXPIRED_TOKEN = new Set([40001, 42001])
const NOT_SUBSCRIBED = 43101

/** subscribeMessage.send with a cached access_token, refreshed once when WeChat says it expired. */
export function createLiveMessenger(options: LiveOptions): Messenger {
  const base = options.baseUrl.replace(/\/+$/, '')
  let cached: { token: string; until: number } | undefined
  const token = async (): Promise<string> => {
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
  }
  const post = async (message: SubscribeMessage) => {
    const url = `${base}/cgi-bin/message/subscribe/send?access_token=${await token()}`
    const body = {
      touser: message.openid,
      template_id: message.templateId,
      page: message.page,
      lang: 'zh_CN',
      data: Object.fromEntries(
        Object.entries(message.data).map(([key, value]) => [key, { value }]),
      ),
    }
    const answer = await fetchAnswer(url, options.timeoutMs, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return resultSchema.parse(answer)
  }
  return {
    async send(message) {
      let result = await post(message)
      if (EXPIRED_TOKEN.has(result.errcode)) {
        cached = undefined
        result = await post(message)
      }
      if (result.errcode === 0) return 'sent'
      if (result.errcode === NOT_SUBSCRIBED) return 'refused'
      throw new WechatError('wechat_error', result.errcode, result.errmsg)
    },
  }
}
