import { type AccessToken, withToken } from './access-token.ts'
import { WechatError } from './wechat.client.ts'

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
    let response: Response
    try {
      response = await fetch(`${base}/wxa/getwxacodeunlimit?access_token=${accessToken}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch {
      throw new WechatError('wechat_unavailable', undefined, 'wxacode: network error or timeout')
    }
    const bytes = Buffer.from(await response.arrayBuffer())
    if (!response.ok)
      throw new WechatError('wechat_unavailable', undefined, `HTTP ${response.status}`)
    if ((response.headers.get('content-type') ?? '').startsWith('image/'))
      return { png: bytes, errcode: 0 }
    const failure = JSON.parse(bytes.toString('utf8')) as { errcode?: number; errmsg?: string }
    return { png: undefined, errcode: failure.errcode ?? -1, errmsg: failure.errmsg }
  }
  return async (request: WxacodeRequest): Promise<Buffer> => {
    const result = await withToken(token, (accessToken) => attempt(request, accessToken))
    if (result.png) return result.png
    throw new WechatError('wechat_error', result.errcode, result.errmsg)
  }
}
