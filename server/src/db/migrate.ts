import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { SERVER_ROOT } from '../paths.ts'
import type { DatabaseHandle, ScriptSession } from './handle.ts'

export const MIGRATIONS_DIR = path.join(SERVER_ROOT, 'migrations')
/** The current definition of every function and trigger, re-applied when a file changes. */
export const REPEATABLE_DIR = path.join(MIGRATIONS_DIR, 'repeatable')
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/
const REPEATABLE_NAME = /^[a-z0-9_]+\.sql$/

export interface MigrationFile {
  version: number
  name: string
  sql: string
  checksum: string
}

/** A file of server/migrations/repeatable/: applied after the numbered ones, by name. */
export interface RepeatableFile {
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
      return { version: Number(match[1]), name: fileName, sql, checksum: checksumOf(sql) }
    }),
  )
}

export async function readRepeatables(dir = REPEATABLE_DIR): Promise<RepeatableFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort()
  return Promise.all(
    names.map(async (name) => {
      if (!REPEATABLE_NAME.test(name))
        throw new MigrationError(`Repeatable migration file name ${name} is not name.sql`)
      const sql = await readFile(path.join(dir, name), 'utf8')
      return { name, sql, checksum: checksumOf(sql) }
    }),
  )
}

const checksumOf = (sql: string) => createHash('sha256').update(sql).digest('hex')

/**
 * Applies pending migrations in ONE transaction under an advisory lock scoped to the
 * schema: two servers starting together migrate once, and a failing file leaves the
 * database exactly as it was. Then, in the same transaction, each repeatable file
 * (server/migrations/repeatable/, read from disk unless given) whose checksum differs from
 * the one recorded. Returns the names applied, repeatables as `repeatable/<name>`.
 */
export async function migrate(
  handle: DatabaseHandle,
  files: MigrationFile[],
  repeatables?: RepeatableFile[],
): Promise<string[]> {
  const definitions = repeatables ?? (await readRepeatables())
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
    const changed = await applyRepeatables(session, definitions)
    return [
      ...pending.map((file) => file.name),
      ...changed.map((file) => `repeatable/${file.name}`),
    ]
  })
}

/** Functions and triggers as the files define them now: only the files that changed run. */
async function applyRepeatables(
  session: ScriptSession,
  files: RepeatableFile[],
): Promise<RepeatableFile[]> {
  await session.exec(`create table if not exists schema_repeatables (
    name text primary key, checksum text not null,
    applied_at timestamptz not null default now())`)
  const applied = await session.query<{ name: string; checksum: string }>(
    'select name, checksum from schema_repeatables',
  )
  const recorded = new Map(applied.map((row) => [row.name, row.checksum]))
  const changed = files.filter((file) => recorded.get(file.name) !== file.checksum)
  for (const file of changed) {
    try {
      await session.exec(file.sql)
    } catch (error) {
      throw new MigrationError(
        `Repeatable migration ${file.name} failed: ${(error as Error).message}`,
        { cause: error },
      )
    }
    await session.query(
      `insert into schema_repeatables (name, checksum) values ($1, $2)
       on conflict (name) do update set checksum = excluded.checksum, applied_at = now()`,
      [file.name, file.checksum],
    )
  }
  return changed
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
