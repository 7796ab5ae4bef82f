import fp from 'fastify-plugin'
import { freezeEndedPeriod } from '../ledgers/period-freeze.ts'

/** After start, so the first requests are not queued behind the freeze on PGlite. */
const START_DELAY_MS = 2_000

/**
 * Freezes every jurisdiction's ledger once a half-year has ended: shortly after start (the
 * server may have been down at midnight), then every LEDGER_FREEZE_CHECK_MINUTES. A region
 * already frozen is skipped, so the checks cost one query until the next period ends.
 */
export default fp(
  async (app) => {
    if (app.config.LEDGER_FREEZE === 'off') return
    // No request here: the job's name marks its lines instead of a request id.
    const log = app.log.child({ job: 'ledger-freeze' })
    const stop = new AbortController()
    let running: Promise<void> | undefined
    const freeze = async () => {
      const result = await freezeEndedPeriod(app.db, app.clock(), {
        clock: () => app.clock(),
        signal: stop.signal,
        onStart: (period, regions) =>
          app.log.info({ period, regions }, 'period-end ledger freeze started'),
        onError: (region, error) =>
          log.error({ err: error, region: region.code }, 'ledger freeze failed for a region'),
      })
      if (result.frozen > 0 || result.failed > 0) log.info(result, 'period-end ledgers frozen')
    }
    const run = () => {
      running ??= freeze()
        .catch((error: unknown) => log.error({ err: error }, 'ledger freeze failed'))
        .finally(() => {
          running = undefined
        })
    }
    const timers: NodeJS.Timeout[] = []
    app.addHook('onReady', async () => {
      timers.push(setTimeout(run, START_DELAY_MS).unref())
      timers.push(setInterval(run, app.config.LEDGER_FREEZE_CHECK_MINUTES * 60_000).unref())
    })
    // Before the database closes: the region in hand finishes, the rest waits for next start.
    app.addHook('preClose', async () => {
      for (const timer of timers) clearTimeout(timer)
      stop.abort()
      await running
    })
  },
  { name: 'period-freeze', dependencies: ['db'] },
)
