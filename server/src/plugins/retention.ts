import fp from 'fastify-plugin'
import { purgeAuditLogDaily } from '../audit/audit.repository.ts'
import { pruneSignInFailures } from '../auth/sign-in-locks.repository.ts'
import { pruneReportQuota } from '../pledges/feedback.repository.ts'
import { deleteOrphanPhotos } from '../uploads/photos.repository.ts'

/** After the period-freeze check, so a fresh start does not queue both at once on PGlite. */
const START_DELAY_MS = 5_000
const CHECK_EVERY_MS = 3_600_000

/**
 * Daily job: audit rows older than AUDIT_RETENTION_DAYS (never under 180) are dropped, and
 * photos uploaded a day ago that no pledge or report ended up using, staff sign-in
 * failure counts a day old, and public report slots of past days. Every server checks
 * hourly (a server restarted daily would otherwise never run it); the run recorded in the
 * audit log and a try-lock make it once a day for all of them.
 */
export default fp(
  async (app) => {
    // No request here: the job's name marks its lines instead of a request id.
    const log = app.log.child({ job: 'retention' })
    let running: Promise<void> | undefined
    const run = async () => {
      const removed = await purgeAuditLogDaily(app.db, app.config.AUDIT_RETENTION_DAYS)
      if (removed === null) return
      log.info({ count: removed }, 'audit retention ran')
      const photos = await deleteOrphanPhotos(app.db)
      if (photos > 0) log.info({ count: photos }, 'unused photos removed')
      const failures = await pruneSignInFailures(app.db)
      if (failures > 0) log.info({ count: failures }, 'old sign-in failure counts removed')
      const slots = await pruneReportQuota(app.db)
      if (slots > 0) log.info({ count: slots }, 'report slots of past days removed')
    }
    const check = () => {
      running ??= run()
        .catch((error: unknown) => log.error({ err: error }, 'audit retention failed'))
        .finally(() => {
          running = undefined
        })
    }
    const timers: NodeJS.Timeout[] = []
    app.addHook('onReady', async () => {
      timers.push(setTimeout(check, START_DELAY_MS).unref())
      timers.push(setInterval(check, CHECK_EVERY_MS).unref())
    })
    app.addHook('preClose', async () => {
      for (const timer of timers) clearTimeout(timer)
      await running
    })
  },
  { name: 'retention', dependencies: ['db'] },
)
