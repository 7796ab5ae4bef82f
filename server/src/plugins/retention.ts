import fp from 'fastify-plugin'
import { purgeAuditLog } from '../audit/audit.repository.ts'

const DAY_MS = 86_400_000

/** Daily job: audit rows older than AUDIT_RETENTION_DAYS (never under 180) are dropped. */
export default fp(
  async (app) => {
    const run = () =>
      purgeAuditLog(app.db, app.config.AUDIT_RETENTION_DAYS).then(
        (count) => count > 0 && app.log.info({ count }, 'audit retention: old rows removed'),
        (error: unknown) => app.log.error({ err: error }, 'audit retention failed'),
      )
    const timer = setInterval(run, DAY_MS)
    timer.unref()
    app.addHook('onClose', async () => clearInterval(timer))
  },
  { name: 'retention', dependencies: ['db'] },
)
