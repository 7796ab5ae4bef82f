import fp from 'fastify-plugin'
import { type ImportLimits, importLimits } from './limits.ts'
import { createMediaLinks, type PhotoCheckDeps } from './photo-checks.service.ts'
import { type ImportSlots, LocalImportSlots } from './slots.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** What one import may cost, and how many may run at once. */
    uploads: { limits: ImportLimits; slots: ImportSlots }
    /** What sending a photo to WeChat's image check needs (photo-checks.service.ts). */
    photoChecks: PhotoCheckDeps
  }
}

/** The limits of register and place imports, read once from the configuration. */
export default fp(
  async (app) => {
    const config = app.config
    app.decorate('uploads', {
      limits: importLimits(config),
      slots: new LocalImportSlots(config.IMPORTS_PER_STAFF, config.IMPORTS_AT_ONCE),
    })
    // A check is only started when its verdict can come back: WeChat live and the push set.
    const mediaCheck = config.WECHAT_PUSH_TOKEN ? (app.wechatApi?.mediaCheck ?? null) : null
    if (app.wechatApi && !mediaCheck)
      app.log.warn("WECHAT_PUSH_TOKEN is unset: photos are not sent to WeChat's image check")
    app.decorate('photoChecks', {
      db: app.db,
      mediaCheck,
      links: createMediaLinks(config.JWT_SECRET),
      publicBaseUrl: config.PUBLIC_BASE_URL,
      warn: (error: unknown, message: string) => app.log.warn({ err: error }, message),
    })
  },
  { name: 'uploads', decorators: { fastify: ['config', 'db'] }, dependencies: ['wechat-api'] },
)
