import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { SERVER_ROOT } from '../paths.ts'
import type { DatabaseHandle, ScriptSession } from './handle.ts'

export const MIGRATIONS_DIR = path.join(SERVER_ROOT, 'migrations')
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/

export interface MigrationFile {
  version: number
  name: string
  sql: string
  checksum: string
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort()
  return Promise.all(
    names.map(async (fileName) => {
      const match = FILE_NAME.exec(fileName)
      if (!match) throw new MigrationError(`Migration file name ${fileName} is not NNNN_name.sql`)
      const sql = await readFile(path.join(dir, fileName), 'utf8')
      const checksum = createHash('sha256').update(sql).digest('hex')
      return { version: Number(match[1]), name: fileName, sql, checksum }
    }),
  )
}

/**
 * Applies pending migrations in ONE transaction under an advisory lock scoped to the
 * schema: two servers starting together migrate once, and a failing file leaves the
 * database exactly as it was.
 */
export async function migrate(handle: DatabaseHandle, files: MigrationFile[]): Promise<string[]> {
  return handle.inScriptTransaction(async (session) => {
    await session.query(
      `select pg_advisory_xact_lock(hashtext('djt-migrate:' || current_schema()))`,
    )
    await session.exec(`create table if not exists schema_migrations (
      version integer primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`)
    const applied = await session.query<{ version: number; name: string; checksum: string }>(
      'select version, name, checksum from schema_migrations order by version',
    )
    assertHistoryMatches(applied, files)
    const done = new Set(applied.map((row) => row.version))
    const pending = files.filter((file) => !done.has(file.version))
    for (const file of pending) await applyOne(session, file)
    return pending.map((file) => file.name)
  })
}

async function applyOne(session: ScriptSession, file: MigrationFile): Promise<void> {
  try {
    await session.exec(file.sql)
  } catch (error) {
    throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`, {
      cause: error,
    })
  }
  await session.query(
    'insert into schema_migrations (version, name, checksum) values ($1, $2, $3)',
    [file.version, file.name, file.checksum],
  )
}

/** An applied migration that was edited or removed afterwards is a deployment mistake. */
function assertHistoryMatches(
  applied: { version: number; name: string; checksum: string }[],
  files: MigrationFile[],
): void {
  const byVersion = new Map(files.map((file) => [file.version, file]))
  for (const row of applied) {
    const file = byVersion.get(row.version)
    if (!file) throw new MigrationError(`Applied migration ${row.name} has no file any more`)
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.name} was changed after it was applied`)
    }
  }
}
