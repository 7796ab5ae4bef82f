import { access } from 'node:fs/promises'
import type { ServiceStatus } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { WarnLog } from '../kernel/log.ts'
import { countAppliedMigrations, readMeta } from '../meta/meta.repository.ts'
import { REGIONS_META_KEY, RegionsMeta } from '../regions/regions.seed.ts'
import { DEMO_META_KEY } from '../seed/demo.seed.ts'
import { APP_VERSION } from '../version.ts'

/** What the status is read from: the running server's database and settings. */
export interface StatusSources {
  db: Kysely<Database>
  driver: ServiceStatus['database']['driver']
  /** Migrations this build knows: the schema is current when as many are applied. */
  migrationCount: number
  wechatDevMode: boolean
  /** The H5 home page this server serves, if it found a build at start. */
  homePage: string | undefined
}

/**
 * Whether the service can do its work: the database answers, its schema is current and,
 * when this server serves the H5 pages, their home page is there to be served. The
 * database is asked in the same queue as every request, so a server too busy to answer
 * requests does not say it is ready either.
 */
export async function readServiceStatus(
  sources: StatusSources,
  log: WarnLog,
): Promise<ServiceStatus> {
  const { db, driver } = sources
  const expected = sources.migrationCount
  const base = {
    database: { reachable: false, driver },
    migrations: { applied: 0, expected, current: false },
    demo: false,
    version: APP_VERSION,
    regions: { source: 'unknown', count: 0 },
    wechatDevMode: sources.wechatDevMode,
  }
  try {
    const applied = await countAppliedMigrations(db)
    const regions = await readMeta(db, REGIONS_META_KEY, RegionsMeta)
    const demo = await readMeta(db, DEMO_META_KEY)
    const current = applied === expected
    const pages = await homePageReadable(sources.homePage, log)
    return {
      ...base,
      ready: current && pages,
      database: { reachable: true, driver },
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
function homePageReadable(homePage: string | undefined, log: WarnLog): Promise<boolean> {
  if (!homePage) return Promise.resolve(true)
  return access(homePage).then(
    () => true,
    (error: unknown) => {
      log.warn({ err: error }, 'the H5 home page cannot be read')
      return false
    },
  )
}
