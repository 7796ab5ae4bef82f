// A throwaway PostgreSQL database migrated and seeded as the server does it (regions, no
// demo), with a field cipher under random keys: what a benchmark of the server's own
// queries starts from. Run under tsx (it loads the server's sources).
import { randomBytes } from 'node:crypto'
import { loadConfig } from '../../server/src/config.ts'
import { createFieldCipher } from '../../server/src/crypto/field-cipher.ts'
import { migrate, readMigrations } from '../../server/src/db/migrate.ts'
import { openDatabase } from '../../server/src/db/open.ts'
import { runSeeds } from '../../server/src/seed/seed.ts'
import { createBenchDatabase } from './pg-bench.mjs'

/** `close()` closes the connections and drops the database. */
export async function openSeededBenchDatabase(purpose) {
  const database = await createBenchDatabase(purpose)
  const config = loadConfig({ DATABASE_URL: database.url, WECHAT_MODE: 'dev', SEED_DEMO: 'false' })
  const handle = await openDatabase(config)
  const close = async () => {
    await handle.close()
    await database.drop()
  }
  try {
    await migrate(handle, await readMigrations())
    const cipher = createFieldCipher({
      algorithm: 'aes-256-gcm',
      activeKeyId: 'bench',
      keys: new Map([['bench', randomBytes(32)]]),
      blindIndexKey: randomBytes(32),
    })
    await runSeeds(handle.db, { demo: false, cipher })
    return { db: handle.db, cipher, close }
  } catch (error) {
    await close()
    throw error
  }
}
