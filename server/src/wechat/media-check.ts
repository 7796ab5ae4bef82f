import { z } from 'zod'
import { type AccessToken, withToken } from './access-token.ts'
import type { SecScene } from './msg-sec-check.ts'
import { fetchAnswer } from './upstream.ts'
import { WechatError } from './wechat-error.ts'

const answerSchema = z.object({
  errcode: z.number().default(0),
  errmsg: z.string().optional(),
  trace_id: z.string().min(1).max(200).optional(),
})

/**
 * security.mediaCheckAsync (v2) for an image: WeChat downloads `mediaUrl` and answers within
 * about 30 minutes by pushing a wxa_media_check event (see push.ts) that carries the
 * trace_id returned here. Needs the openid of a user active in the last two hours.
 */
export function createMediaCheck(baseUrl: string, token: AccessToken, timeoutMs: number) {
  const base = baseUrl.replace(/\/+$/, '')
  return async (mediaUrl: string, openid: string, scene: SecScene): Promise<string> => {
    const answer = await withToken(token, async (accessToken) =>
      answerSchema.parse(
        await fetchAnswer(`${base}/wxa/media_check_async?access_token=${accessToken}`, timeoutMs, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ media_url: mediaUrl, media_type: 2, version: 2, scene, openid }),
        }),
      ),
    )
    if (answer.errcode !== 0 || !answer.trace_id)
      throw new WechatError('wechat_error', answer.errcode, answer.errmsg)
    return answer.trace_id
  }
}
