import { z } from 'zod'
import { type AccessToken, withToken } from './access-token.ts'
import { fetchAnswer } from './upstream.ts'
import { WechatError } from './wechat-error.ts'

/** msgSecCheck v2 scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type SecScene = 1 | 2 | 3 | 4

export interface SecVerdict {
  suggest: 'pass' | 'review' | 'risky'
  label: number
}

const answerSchema = z.object({
  errcode: z.number().default(0),
  errmsg: z.string().optional(),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number() }).optional(),
})

/** WeChat's labels, for the note a reviewer sees. */
export const SEC_LABELS: Record<number, string> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
}

/** security.msgSecCheck (v2): needs the openid of a user active in the last two hours. */
export function createMsgSecCheck(baseUrl: string, token: AccessToken, timeoutMs: number) {
  const base = baseUrl.replace(/\/+$/, '')
  return async (content: string, openid: string, scene: SecScene): Promise<SecVerdict> => {
    const answer = await withToken(token, async (accessToken) =>
      answerSchema.parse(
        await fetchAnswer(`${base}/wxa/msg_sec_check?access_token=${accessToken}`, timeoutMs, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content, version: 2, scene, openid }),
        }),
      ),
    )
    if (answer.errcode !== 0 || !answer.result)
      throw new WechatError('wechat_error', answer.errcode, answer.errmsg)
    return answer.result
  }
}
