import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { type Kysely, sql } from 'kysely'
import type { Config } from '../config.ts'
import { DEV_KEY_FILE } from '../crypto/keyring.ts'
import { openDatabase } from '../db/open.ts'
import { openPglite } from '../db/pglite.ts'
import type { Database } from '../db/schema.ts'
import {
  appTables,
  countRows,
  installedExtensions,
  keyIdsInUse,
  schemaExists,
  tablesInSchema,
} from './backup.repository.ts'
import { copyDataDirIn, copyDataDirOut } from './embedded.ts'
import {
  BackupError,
  type BackupManifest,
  DATA_COPY,
  DUMP_FILE,
  readManifest,
  writeManifest,
} from './manifest.ts'
import { pgDump, pgRestore } from './pg-tools.ts'
import { type RestoreCheck, verifyRestore } from './verify.ts'

/** The first migration's extensions: only a superuser may create them on PostgreSQL 15. */
const EXTENSIONS = ['cube', 'earthdistance', 'ltree', 'pgcrypto']

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
  await emptyFolder(outDir, 'the backup folder')
  if (!config.DATABASE_URL && isInside(outDir, config.dataDir)) {
    throw new BackupError(`the backup folder must not be inside DATA_DIR (${config.dataDir})`)
  }
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

/** Into a fresh target only; then the restored database is opened and checked. */
export async function restore(config: Config, fromDir: string): Promise<RestoreCheck> {
  const manifest = await readManifest(fromDir)
  checkKeyIds(config, manifest)
  if (manifest.database === 'postgres') {
    if (!config.DATABASE_URL) {
      throw new BackupError(
        'this is a PostgreSQL backup: set DATABASE_URL to the fresh database to restore into',
      )
    }
    if (manifest.schema !== config.DATABASE_SCHEMA) {
      throw new BackupError(
        `the backup holds schema "${manifest.schema}": restore with DATABASE_SCHEMA=${manifest.schema}`,
      )
    }
    await restoreDevKeys(config, manifest, path.join(fromDir, DEV_KEY_FILE))
    await restorePostgres(config, config.DATABASE_URL, path.join(fromDir, DUMP_FILE))
  } else {
    if (config.DATABASE_URL) {
      throw new BackupError(
        'this is a backup of the embedded database: unset DATABASE_URL and set DATA_DIR',
      )
    }
    await copyDataDirIn(path.join(fromDir, DATA_COPY), config.dataDir)
  }
  return verifyRestore(config, manifest)
}

/** Refused before anything is written: FIELD_KEYS that lack a key id the data uses. */
function checkKeyIds(config: Config, manifest: BackupManifest): void {
  const { source, idsInUse } = manifest.keys
  if (!config.FIELD_KEYS) {
    if (source === 'env' && idsInUse.length > 0) {
      throw new BackupError(
        `the backup's mobiles and ID numbers are encrypted with keys from the environment: set FIELD_KEYS (key ids ${idsInUse.join(', ')}) and BLIND_INDEX_KEY as they were when it was made`,
      )
    }
    return
  }
  const missing = idsInUse.filter((id) => !config.FIELD_KEYS?.has(id))
  if (missing.length > 0) {
    throw new BackupError(
      `FIELD_KEYS lacks key id(s) ${missing.join(', ')} that the backup's encrypted values use`,
    )
  }
}

async function restoreDevKeys(
  config: Config,
  manifest: BackupManifest,
  kept: string,
): Promise<void> {
  if (config.FIELD_KEYS || manifest.keys.source !== 'dev-file' || !(await exists(kept))) return
  const target = path.join(config.dataDir, DEV_KEY_FILE)
  if (await exists(target)) {
    if ((await readFile(target, 'utf8')) === (await readFile(kept, 'utf8'))) return
    throw new BackupError(
      `${target} holds other development keys than the backup's ${kept}: move it away first`,
    )
  }
  await mkdir(config.dataDir, { recursive: true })
  await copyFile(kept, target)
}

async function restorePostgres(config: Config, url: string, dump: string): Promise<void> {
  const schema = config.DATABASE_SCHEMA
  const handle = await openDatabase(config)
  let present: boolean
  try {
    const installed = await installedExtensions(handle.db)
    const missing = EXTENSIONS.filter((name) => !installed.includes(name))
    if (missing.length > 0) {
      throw new BackupError(
        `extensions missing in the target database: as a superuser run ${missing.map((name) => `create extension ${name};`).join(' ')}`,
      )
    }
    const tables = await tablesInSchema(handle.db, schema)
    if (tables > 0) {
      throw new BackupError(
        `schema "${schema}" of the target already has ${tables} tables: restore into a fresh database`,
      )
    }
    present = await schemaExists(handle.db, schema)
  } finally {
    await handle.close()
  }
  await pgRestore(url, { schema, schemaExists: present, file: dump })
}

async function emptyFolder(dir: string, what: string): Promise<void> {
  const entries = await readdir(dir).catch(() => undefined)
  if (entries && entries.length > 0) throw new BackupError(`${what} ${dir} is not empty`)
  await mkdir(dir, { recursive: true })
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child))
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  )
}
