import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'

/**
 * What a backup folder holds besides the data: enough for `restore` to refuse the wrong
 * target and to prove the restore complete (row counts) and readable (key ids). Never a key.
 */
export const BackupManifest = z.object({
  format: z.literal('djt-backup/1'),
  createdAt: z.string(),
  database: z.enum(['postgres', 'embedded']),
  /** DATABASE_SCHEMA of the source; a PostgreSQL dump restores into the same schema name. */
  schema: z.string(),
  /** Highest applied migration: a restore into an older build would be refused at start. */
  migration: z.number().int(),
  keys: z.object({
    /** env: FIELD_KEYS / BLIND_INDEX_KEY, kept apart from the backup by the operator. */
    source: z.enum(['env', 'dev-file']),
    /** Key ids the stored ciphertexts use: the restoring FIELD_KEYS must hold every one. */
    idsInUse: z.array(z.string()),
  }),
  tables: z.record(z.string(), z.number().int().min(0)),
})
export type BackupManifest = z.infer<typeof BackupManifest>

export const MANIFEST_FILE = 'manifest.json'
/** PostgreSQL: pg_dump's custom format. */
export const DUMP_FILE = 'db.dump'
/** Embedded: a copy of DATA_DIR (the PGlite folder and, in development, dev-keys.json). */
export const DATA_COPY = 'data'

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, MANIFEST_FILE)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new BackupError(`${file} is missing: ${dir} is not a backup made by npm run backup`)
  }
  const parsed = BackupManifest.safeParse(JSON.parse(text))
  if (!parsed.success) throw new BackupError(`${file} is not a valid backup manifest`)
  return parsed.data
}

/** A refusal or failed check, worded for the operator running the command. */
export class BackupError extends Error {
  override name = 'BackupError'
}
