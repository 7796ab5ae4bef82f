import fp from 'fastify-plugin'
import { purgeAuditLog } from '../audit/audit.repository.ts'
import { pruneSignInFailures } from '../auth/sign-in-locks.repository.ts'
import { deleteOrphanPhotos } from '../pledges/photos.ts'

const DAY_MS = 86_400_000

/**
 * Daily job: audit rows older than AUDIT_RETENTION_DAYS (never under 180) are dropped, and
 * photos uploaded a day ago that no pledge or report ended up using, and staff sign-in
 * failure counts a day old.
 */
export default fp(
  async (app) => {
    // No request here: the job's name marks its lines instead of a request id.
    const log = app.log.child({ job: 'retention' })
    const run = async () => {
      await purgeAuditLog(app.db, app.config.AUDIT_RETENTION_DAYS).then(
        (count) => count > 0 && log.info({ count }, 'audit retention: old rows removed'),
        (error: unknown) => log.error({ err: error }, 'audit retention failed'),
      )
      await deleteOrphanPhotos(app.db).then(
        (count) => count > 0 && log.info({ count }, 'unused photos removed'),
        (error: unknown) => log.error({ err: error }, 'photo clean-up failed'),
      )
      await pruneSignInFailures(app.db).catch((error: unknown) =>
        app.log.error({ err: error }, 'sign-in failure clean-up failed'),
      )
    }
    const timer = setInterval(run, DAY_MS)
    timer.unref()
    app.addHook('onClose', async () => clearInterval(timer))
  },
  { name: 'retention', dependencies: ['db'] },
)
