import { copyFile, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../config.ts'
import { DEV_KEY_FILE } from '../crypto/keyring.ts'
import { openDatabase } from '../db/open.ts'
import { installedExtensions, schemaExists, tablesInSchema } from './backup.repository.ts'
import { copyDataDirIn } from './embedded.ts'
import { exists } from './folders.ts'
import { BackupError, type BackupManifest, DATA_COPY, DUMP_FILE, readManifest } from './manifest.ts'
import { pgRestore } from './pg-tools.ts'
import { type RestoreCheck, verifyRestore } from './verify.ts'

/** The first migration's extensions: only a superuser may create them on PostgreSQL 15. */
const EXTENSIONS = ['cube', 'earthdistance', 'ltree', 'pgcrypto']

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
