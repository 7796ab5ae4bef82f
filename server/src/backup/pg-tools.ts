import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { BackupError } from './manifest.ts'

/**
 * The URL without its password, which goes to the child in PGPASSWORD instead: a password
 * on a command line is readable by every user of the machine through `ps`.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return {
    dbname: parsed.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${command} was not found: install the PostgreSQL client tools (postgresql-client), of the server's major version or newer`,
            )
          : error,
      )
    })
    child.on('close', (code) => {
      if (code === 0) resolve(stdout)
      else reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`))
    })
  })
}

/** The app's schema only, in the snapshot the caller's transaction exported. */
export async function pgDump(
  url: string,
  { schema, snapshot, file }: { schema: string; snapshot: string; file: string },
): Promise<void> {
  const { dbname, env } = connection(url)
  await run(
    'pg_dump',
    [
      '--format=custom',
      `--schema=${schema}`,
      `--snapshot=${snapshot}`,
      `--file=${file}`,
      `--dbname=${dbname}`,
    ],
    env,
  )
}

/**
 * Into a fresh database in one transaction, owned by the restoring role. A schema that
 * exists already (always `public`; or one a DBA made for the app) is not created again.
 */
export async function pgRestore(
  url: string,
  { schema, schemaExists, file }: { schema: string; schemaExists: boolean; file: string },
): Promise<void> {
  const { dbname, env } = connection(url)
  const toc = await run('pg_restore', ['--list', file], env)
  const creatingSchema = new RegExp(`^\\d+; \\d+ \\d+ (SCHEMA - |COMMENT - SCHEMA )${schema} `)
  const kept = toc
    .split('\n')
    .filter((line) => !(schemaExists && creatingSchema.test(line)))
    .join('\n')
  const work = await mkdtemp(path.join(os.tmpdir(), 'djt-restore-'))
  try {
    const list = path.join(work, 'toc.list')
    await writeFile(list, kept)
    await run(
      'pg_restore',
      [
        '--exit-on-error',
        '--single-transaction',
        '--no-owner',
        '--no-privileges',
        `--use-list=${list}`,
        `--dbname=${dbname}`,
        file,
      ],
      env,
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
