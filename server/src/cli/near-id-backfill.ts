// `npm run near-id-backfill -w server`: once after upgrading past migration 0022, gives
// entries submitted before it the near-ID prefixes that let the evidence find an ID typed
// one slip away (evidence/near-id-backfill.service.ts), then recomputes their evidence.
import { loadConfig } from '../config.ts'
import { createFieldCipher } from '../crypto/field-cipher.ts'
import { loadKeyring } from '../crypto/keyring.ts'
import { migrate, readMigrations } from '../db/migrate.ts'
import { openDatabase } from '../db/open.ts'
import { backfillNearIds } from '../evidence/near-id-backfill.service.ts'

async function main(): Promise<void> {
  const config = loadConfig()
  const cipher = createFieldCipher(loadKeyring(config))
  const handle = await openDatabase(config)
  try {
    await migrate(handle, await readMigrations())
    const { backfilled, recomputed } = await backfillNearIds(handle.db, cipher)
    console.log(
      `near-ID prefixes given to ${backfilled} entries; evidence recomputed for ${recomputed} pending`,
    )
  } finally {
    await handle.close()
  }
}

main().catch((error: unknown) => {
  console.error(`near-id-backfill: ${(error as Error).message}`)
  process.exit(1)
})
