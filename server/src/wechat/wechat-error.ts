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
 * A failed call to WeChat. The message is for the user; `cause` is a short note for the
 * operator that never holds the request URL (it carries the secret or the access_token)
 * or the session_key.
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
