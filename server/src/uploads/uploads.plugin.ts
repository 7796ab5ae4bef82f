import fp from 'fastify-plugin'
import { type ImportLimits, importLimits } from './limits.ts'
import { type ImportSlots, LocalImportSlots } from './slots.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** What one import may cost, and how many may run at once. */
    uploads: { limits: ImportLimits; slots: ImportSlots }
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
  },
  { name: 'uploads', decorators: { fastify: ['config'] } },
)
