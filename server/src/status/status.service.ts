import type { ServiceStatus } from '@djt/shared'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { readMeta } from '../meta/meta.repository.ts'
import { REGIONS_META_KEY } from '../regions/regions.seed.ts'
import { DEMO_META_KEY } from '../seed/demo.seed.ts'
import { APP_VERSION } from '../version.ts'

/** Whether the service can do its work: the database answers and its schema is current. */
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
    return {
      ...base,
      ready: current,
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
