import { rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import pg from 'pg'
import app, { serverOptions } from '../src/app.ts'
import { type Config, loadConfig } from '../src/config.ts'
import { copyTree } from '../src/kernel/copy-tree.ts'
import { TEST_FIELD_KEYS_ENV } from './fixtures/keys.ts'
import {
  admin,
  databaseUrl,
  pgTemplateExists,
  pgTemplateName,
  TEMPLATE_SCHEMA,
} from './fixtures/pg-template.ts'
import { templateDir } from './fixtures/pglite-template.ts'
import { scratchRoot } from './fixtures/scratch.ts'

/** The driver this run of the suite tests: `npm test` runs it once per driver. */
export const driver: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite'

export interface Teardown {
  teardown(fn: () => unknown): void
}

/**
 * A fresh database for one test: a new PGlite folder (copied from a migrated template
 * unless `empty`), or a new, empty schema on the real PostgreSQL, dropped afterwards.
 */
export async function freshConfig(
  t: Teardown,
  env: NodeJS.ProcessEnv = {},
  { empty = false } = {},
): Promise<Config> {
  const base = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WECHAT_MODE: 'dev',
    SEED_DEMO: 'false',
    // Freezing all 3 348 regions takes ~40 s on PGlite: only ledger-freeze.test.ts turns it on.
    LEDGER_FREEZE: 'off',
    // A busy test machine must not turn answers into 503s: operability.test.ts turns it on.
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    // scrypt at 2^10 instead of 2^15: every staff account and sign-in would cost ~0.1 s of CPU.
    PASSWORD_HASH_COST: '10',
    ...TEST_FIELD_KEYS_ENV,
    ...env,
  }
  if (driver === 'postgres') {
    const server = process.env.DATABASE_URL ?? ''
    if (!empty && (await pgTemplateReady(server))) {
      const name = `djt_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
      await admin(server, [`create database ${name} template ${await pgTemplateName()}`])
      dropWhenDone(server, name)
      return loadConfig({
        ...base,
        DATABASE_URL: databaseUrl(server, name),
        DATABASE_SCHEMA: TEMPLATE_SCHEMA,
      })
    }
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
    await adminQuery(`create schema ${schema}`)
    t.teardown(() => adminQuery(`drop schema ${schema} cascade`))
    return loadConfig({ ...base, DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: schema })
  }
  const dataDir = await mkdtemp(path.join(scratchRoot(), 'djt-test-'))
  // Removed when the process exits: a teardown could run before the one closing the
  // database, and deleting an open PGlite folder can hang its close.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }))
  const template = await templateDir(empty ? 'empty' : 'seeded')
  if (template) await copyTree(template, path.join(dataDir, 'pglite'))
  return loadConfig({ ...base, DATA_DIR: dataDir })
}

let templateReady: Promise<boolean> | undefined

/** Whether test/fixtures/before.ts prepared a database to copy (else: migrate a schema). */
function pgTemplateReady(server: string): Promise<boolean> {
  templateReady ??= pgTemplateExists(server)
  return templateReady
}

const toDrop: string[] = []

/**
 * The copies are dropped together when the test file is done: by then every app on them is
 * closed (a teardown may run before the one closing its app), and dropping them side by side
 * takes about as long as dropping one.
 */
function dropWhenDone(server: string, name: string): void {
  if (toDrop.length === 0) {
    let dropped = false
    process.on('beforeExit', () => {
      if (dropped) return
      dropped = true
      const names = toDrop.splice(0)
      void Promise.all(
        names.map((db) => admin(server, [`drop database if exists ${db} with (force)`])),
      )
    })
  }
  toDrop.push(name)
}

/** The whole app on a fresh database, closed when the test ends. */
export async function buildTestApp(
  t: Teardown,
  env: NodeJS.ProcessEnv = {},
): Promise<FastifyInstance> {
  const config = await freshConfig(t, env)
  return buildAppWith(t, config)
}

export async function buildAppWith(t: Teardown, config: Config): Promise<FastifyInstance> {
  const instance = Fastify(serverOptions(config))
  await instance.register(app, { config })
  t.teardown(() => instance.close())
  return instance
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
