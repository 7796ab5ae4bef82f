import type { Config } from '../config.ts'
import type { DatabaseHandle } from './handle.ts'
import { openPglite } from './pglite.ts'
import { openPostgres } from './postgres.ts'

/** DATABASE_URL set: a pg pool on that server; unset: the embedded PGlite in DATA_DIR. */
export function openDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    return Promise.resolve(
      openPostgres({
        url: config.DATABASE_URL,
        schema: config.DATABASE_SCHEMA,
        poolSize: config.DATABASE_POOL_SIZE,
      }),
    )
  }
  return openPglite(config.dataDir)
}
