import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { createAccessToken } from './access-token.ts'
import { createMediaCheck } from './media-check.ts'
import { createMsgSecCheck } from './msg-sec-check.ts'
import { createLiveMessenger, type Messenger } from './subscribe-message.ts'
import { createWxacode } from './wxacode.ts'

/** WeChat's server APIs beyond sign-in, sharing one access_token. */
export interface WechatApi {
  messenger: Messenger
  wxacode: ReturnType<typeof createWxacode>
  msgSecCheck: ReturnType<typeof createMsgSecCheck>
  mediaCheck: ReturnType<typeof createMediaCheck>
}

declare module 'fastify' {
  interface FastifyInstance {
    /** null in dev mode: there is no WeChat to call, and nothing pretends to be it. */
    wechatApi: WechatApi | null
  }
}

async function wechatApi(app: FastifyInstance): Promise<void> {
  const { config } = app
  const { WECHAT_APPID: appId, WECHAT_SECRET: secret } = config
  if (config.WECHAT_MODE !== 'live' || !appId || !secret) {
    app.decorate('wechatApi', null)
    return
  }
  const base = config.WECHAT_API_BASE
  const timeoutMs = config.WECHAT_TIMEOUT_MS
  const token = createAccessToken({ baseUrl: base, appId, secret, timeoutMs }, app.redis)
  app.decorate('wechatApi', {
    messenger: createLiveMessenger(base, token, timeoutMs),
    wxacode: createWxacode(base, token, timeoutMs),
    msgSecCheck: createMsgSecCheck(base, token, timeoutMs),
    mediaCheck: createMediaCheck(base, token, timeoutMs),
  })
}

export default fp(wechatApi, { name: 'wechat-api', dependencies: ['redis'] })
