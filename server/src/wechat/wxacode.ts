import { type AccessToken, withToken } from './access-token.ts'
import { callWechat, JSON_ANSWER_MAX_BYTES, parseJson, WXACODE_MAX_BYTES } from './upstream.ts'
import { WechatError } from './wechat-error.ts'

const isImage = (contentType: string) => contentType.startsWith('image/')

export interface WxacodeRequest {
  /** ≤ 32 characters of the scene alphabet; the page reads it from `options.scene`. */
  scene: string
  page: string
  envVersion: 'release' | 'trial' | 'develop'
}

/**
 * wxacode.getUnlimited: a PNG on success, JSON with an errcode on failure. `is_hyaline`
 * asks for a PNG (transparent background) rather than a JPEG, which the plaque can read.
 */
export function createWxacode(baseUrl: string, token: AccessToken, timeoutMs: number) {
  const base = baseUrl.replace(/\/+$/, '')
  const attempt = async (request: WxacodeRequest, accessToken: string) => {
    const body = {
      scene: request.scene,
      page: request.page,
      check_path: false,
      env_version: request.envVersion,
      width: 430,
      is_hyaline: true,
    }
    const answer = await callWechat(
      `${base}/wxa/getwxacodeunlimit?access_token=${accessToken}`,
      timeoutMs,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      (type) => (isImage(type) ? WXACODE_MAX_BYTES : JSON_ANSWER_MAX_BYTES),
    )
    if (isImage(answer.contentType)) return { png: answer.body, errcode: 0 }
    const failure = parseJson(answer.body) as { errcode?: number; errmsg?: string }
    return { png: undefined, errcode: failure.errcode ?? -1, errmsg: failure.errmsg }
  }
  return async (request: WxacodeRequest): Promise<Buffer> => {
    const result = await withToken(token, (accessToken) => attempt(request, accessToken))
    if (result.png) return result.png
    throw new WechatError('wechat_error', result.errcode, result.errmsg)
  }
}
