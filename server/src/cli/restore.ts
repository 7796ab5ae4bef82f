// `npm run restore -- /backups/djt-2026-06-30`: into the fresh database the server is
// configured for (a new PostgreSQL database with the extensions made by a superuser, or an
// empty DATA_DIR), then opened and checked: every table's row count as in the backup, and
// the configured FIELD_KEYS / BLIND_INDEX_KEY able to read the encrypted values.
import path from 'node:path'
import { restore } from '../backup/restore.service.ts'
import { loadConfig } from '../config.ts'

async function main(): Promise<void> {
  const [folder, ...extra] = process.argv.slice(2)
  if (!folder || extra.length > 0) throw new Error('usage: npm run restore -- <backup folder>')
  const config = loadConfig()
  const check = await restore(config, path.resolve(folder))
  const into = config.DATABASE_URL ? `schema ${config.DATABASE_SCHEMA}` : config.dataDir
  console.log(
    `restored into ${into} and checked: ${check.tables} tables and ${check.rows} rows as in the backup; ` +
      `${check.ciphertextsDecrypted} sample ciphertexts decrypted and ${check.blindIndexesChecked} blind indexes recomputed with the configured keys`,
  )
}

main().catch((error: unknown) => {
  console.error(`restore: ${(error as Error).message}`)
  process.exit(1)
})
