import { access } from 'node:fs/promises'
import type { ServiceStatus } from '@djt/shared'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { readMeta } from '../meta/meta.repository.ts'
import { REGIONS_META_KEY } from '../regions/regions.seed.ts'
import { DEMO_META_KEY } from '../seed/demo.seed.ts'
import { APP_VERSION } from '../version.ts'

/**
 * Whether the service can do its work: the database answers, its schema is current and,
 * when this server serves the H5 pages, their home page is there to be served. The
 * database is asked in the same queue as every request, so a server too busy to answer
 * requests does not say it is ready either.
 */
export async function readServiceStatus(
  app: FastifyInstance,
  log: FastifyBaseLogger,
): Promise<ServiceStatus> {
  const expected = app.migrationCount
  const base = {
    database: { reachable: false, driver: app.database.driver },
    migrations: { applied: 0, expected, current: false },
    demo: false,
    version: APP_VERSION,
    regions: { source: 'unknown', count: 0 },
    wechatDevMode: app.wechat.mode === 'dev',
  }
  try {
    const { rows } = await sql<{
      applied: number
    }>`select count(*)::int as applied from schema_migrations`.execute(app.db)
    const applied = rows[0]?.applied ?? 0
    const regions = await readMeta<{ source: string; count: number }>(app.db, REGIONS_META_KEY)
    const demo = await readMeta(app.db, DEMO_META_KEY)
    const current = applied === expected
    const pages = await homePageReadable(app, log)
    return {
      ...base,
      ready: current && pages,
      database: { reachable: true, driver: app.database.driver },
      migrations: { applied, expected, current },
      demo: demo !== undefined,
      regions: regions ?? base.regions,
    }
  } catch (error) {
    log.warn({ err: error }, 'readiness check failed')
    return { ...base, ready: false }
  }
}

/** No pages served (no build found at start: API only) counts as nothing to check. */
function homePageReadable(app: FastifyInstance, log: FastifyBaseLogger): Promise<boolean> {
  if (!app.homePage) return Promise.resolve(true)
  return access(app.homePage).then(
    () => true,
    (error: unknown) => {
      log.warn({ err: error }, 'the H5 home page cannot be read')
      return false
    },
  )
}
