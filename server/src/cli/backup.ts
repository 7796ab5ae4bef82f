// `npm run backup -- /backups/djt-2026-06-30`: the database the server is configured for
// (DATABASE_URL + DATABASE_SCHEMA, or DATA_DIR) into a new folder, with a manifest of its
// tables' row counts. PostgreSQL is dumped online; the embedded folder only with the server stopped.
import path from 'node:path'
import { backup } from '../backup/backup.service.ts'
import { loadConfig } from '../config.ts'

async function main(): Promise<void> {
  const [folder, ...extra] = process.argv.slice(2)
  if (!folder || extra.length > 0) throw new Error('usage: npm run backup -- <new folder>')
  const config = loadConfig()
  const outDir = path.resolve(folder)
  const manifest = await backup(config, outDir)
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0)
  const from = config.DATABASE_URL ? `schema ${config.DATABASE_SCHEMA}` : config.dataDir
  console.log(
    `backup of ${from} written to ${outDir}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, migration ${manifest.migration}`,
  )
  const ids = manifest.keys.idsInUse.join(', ') || 'none yet'
  console.log(
    manifest.keys.source === 'env'
      ? `Mobiles and ID numbers in it are encrypted (key ids: ${ids}). Keep FIELD_KEYS and BLIND_INDEX_KEY safe, apart from the backup: without them the backup cannot be read.`
      : `Development keys (${ids}) are in the backup beside the data: anyone with the folder can read it.`,
  )
}

main().catch((error: unknown) => {
  console.error(`backup: ${(error as Error).message}`)
  process.exit(1)
})
