import { z } from 'zod'
import { type AccessToken, withToken } from './access-token.ts'
import { fetchAnswer } from './upstream.ts'
import { WechatError } from './wechat-error.ts'

const resultSchema = z.object({ errcode: z.number().default(0), errmsg: z.string().optional() })
const NOT_SUBSCRIBED = 43101

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

/** subscribeMessage.send with the shared access_token, refreshed once when WeChat says it expired. */
export function createLiveMessenger(
  baseUrl: string,
  token: AccessToken,
  timeoutMs: number,
): Messenger {
  const base = baseUrl.replace(/\/+$/, '')
  const post = async (message: SubscribeMessage, accessToken: string) => {
    const url = `${base}/cgi-bin/message/subscribe/send?access_token=${accessToken}`
    const body = {
      touser: message.openid,
      template_id: message.templateId,
      page: message.page,
      lang: 'zh_CN',
      data: Object.fromEntries(
        Object.entries(message.data).map(([key, value]) => [key, { value }]),
      ),
    }
    const answer = await fetchAnswer(url, timeoutMs, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return resultSchema.parse(answer)
  }
  return {
    async send(message) {
      const result = await withToken(token, (accessToken) => post(message, accessToken))
      if (result.errcode === 0) return 'sent'
      if (result.errcode === NOT_SUBSCRIBED) return 'refused'
      throw new WechatError('wechat_error', result.errcode, result.errmsg)
    },
  }
}
