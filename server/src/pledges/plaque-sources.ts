import type { FastifyInstance } from 'fastify'
import type { PlaqueSources } from './plaque.service.ts'

/** What the plaque service needs, taken from the running server (routes call this). */
export function plaqueSources(app: FastifyInstance): PlaqueSources {
  return {
    db: app.db,
    publicBaseUrl: app.config.PUBLIC_BASE_URL,
    wechatApi: app.wechatApi,
    wxacodeEnv: app.config.WECHAT_WXACODE_ENV,
  }
}
