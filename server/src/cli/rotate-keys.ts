// `npm run rotate-keys -w server`: after a new key is added to FIELD_KEYS and made active
// (or FIELD_CIPHER changed), re-encrypts every value still under an older key. An old key
// may leave FIELD_KEYS once a run reports 0 re-encrypted for every column.
import { loadConfig } from '../config.ts'
import { createFieldCipher } from '../crypto/field-cipher.ts'
import { loadKeyring } from '../crypto/keyring.ts'
import { rotateKeys } from '../crypto/rotate-keys.ts'
import { migrate, readMigrations } from '../db/migrate.ts'
import { openDatabase } from '../db/open.ts'

async function main(): Promise<void> {
  const config = loadConfig()
  const keyring = loadKeyring(config)
  const cipher = createFieldCipher(keyring)
  const handle = await openDatabase(config)
  try {
    await migrate(handle, await readMigrations())
    console.log(
      `re-encrypting under key "${keyring.activeKeyId}" (${keyring.algorithm}, keys from ${keyring.source})`,
    )
    await rotateKeys(handle.db, cipher, { log: (line) => console.log(line) })
  } finally {
    await handle.close()
  }
}

main().catch((error: unknown) => {
  console.error(`rotate-keys: ${(error as Error).message}`)
  process.exit(1)
})
