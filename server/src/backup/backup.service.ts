import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { type Kysely, sql } from 'kysely'
import type { Config } from '../config.ts'
import { DEV_KEY_FILE } from '../crypto/keyring.ts'
import { openDatabase } from '../db/open.ts'
import { openPglite } from '../db/pglite.ts'
import type { Database } from '../db/schema.ts'
import { appTables, countRows, keyIdsInUse } from './backup.repository.ts'
import { copyDataDirOut } from './embedded.ts'
import { emptyFolder, exists, isInside } from './folders.ts'
import {
  BackupError,
  type BackupManifest,
  DATA_COPY,
  DUMP_FILE,
  writeManifest,
} from './manifest.ts'
import { pgDump } from './pg-tools.ts'

type Contents = Pick<BackupManifest, 'migration' | 'tables'> & { keyIds: string[] }

async function describe(db: Kysely<Database>): Promise<Contents> {
  const { rows } = await sql<{ version: number }>`
    select coalesce(max(version), 0) as version from schema_migrations`.execute(db)
  return {
    migration: Number(rows[0]?.version ?? 0),
    tables: await countRows(db, await appTables(db)),
    keyIds: await keyIdsInUse(db),
  }
}

/**
 * PostgreSQL: pg_dump of DATABASE_SCHEMA, online, in one snapshot that the row counts are
 * taken in too. Embedded: a copy of DATA_DIR, refused while a server uses it.
 */
export async function backup(config: Config, outDir: string): Promise<BackupManifest> {
  if (!config.DATABASE_URL && isInside(outDir, config.dataDir)) {
    throw new BackupError(`the backup folder must not be inside DATA_DIR (${config.dataDir})`)
  }
  await emptyFolder(outDir, 'the backup folder')
  const contents = config.DATABASE_URL
    ? await dumpPostgres(config, config.DATABASE_URL, outDir)
    : await copyEmbedded(config, outDir)
  const source = config.FIELD_KEYS ? 'env' : 'dev-file'
  if (source === 'dev-file' && contents.keyIds.length > 0) await keepDevKeys(config, outDir)
  const manifest: BackupManifest = {
    format: 'djt-backup/1',
    createdAt: new Date().toISOString(),
    database: config.DATABASE_URL ? 'postgres' : 'embedded',
    schema: config.DATABASE_SCHEMA,
    migration: contents.migration,
    keys: { source, idsInUse: contents.keyIds },
    tables: contents.tables,
  }
  await writeManifest(outDir, manifest)
  return manifest
}

async function dumpPostgres(config: Config, url: string, outDir: string): Promise<Contents> {
  const handle = await openDatabase(config)
  try {
    return await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx)
        const contents = await describe(trx)
        const file = path.join(outDir, DUMP_FILE)
        await pgDump(url, { schema: config.DATABASE_SCHEMA, snapshot: rows[0]?.id ?? '', file })
        return contents
      })
  } finally {
    await handle.close()
  }
}

/** Counted on the copy, once it is made: the counts describe exactly what was kept. */
async function copyEmbedded(config: Config, outDir: string): Promise<Contents> {
  const copy = path.join(outDir, DATA_COPY)
  await copyDataDirOut(config.dataDir, copy)
  const handle = await openPglite(copy)
  try {
    return await describe(handle.db)
  } finally {
    await handle.close()
  }
}

/** Development keys live in DATA_DIR, not in PostgreSQL: the dump alone would be unreadable. */
async function keepDevKeys(config: Config, outDir: string): Promise<void> {
  const file = path.join(config.dataDir, DEV_KEY_FILE)
  if (!(await exists(file))) {
    throw new BackupError(
      `encrypted values exist but neither FIELD_KEYS nor ${file} is there: this database cannot be read as it is`,
    )
  }
  // The embedded copy of DATA_DIR carries the file already.
  if (config.DATABASE_URL) await copyFile(file, path.join(outDir, DEV_KEY_FILE))
}
