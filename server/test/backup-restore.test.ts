import { rmSync } from 'node:fs'
import { mkdtemp, readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import t from 'tap'
import { backup } from '../src/backup/backup.service.ts'
import { BackupError } from '../src/backup/manifest.ts'
import { restore } from '../src/backup/restore.service.ts'
import type { Config } from '../src/config.ts'
import { type Account, STRONG_PASSWORD } from './fixtures/accounts.ts'
import { rowCounts } from './fixtures/catalog.ts'
import { fillEveryTable } from './fixtures/every-table.ts'
import { TEST_KEYS } from './fixtures/keys.ts'
import { buildAppWith, driver, freshConfig } from './helper.ts'

interface Teardown {
  teardown(fn: () => unknown): void
}

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function admin(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * Where a restore goes: an empty folder, or a new database on the same server with the
 * extensions a superuser creates first (as a DBA would), dropped when the test ends.
 */
async function freshTarget(t: Teardown, source: Config): Promise<Config> {
  if (driver === 'pglite') {
    const dataDir = await tempDir('djt-restore-')
    return { ...source, DATA_DIR: dataDir, dataDir }
  }
  const server = source.DATABASE_URL ?? ''
  const name = `djt_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await admin(server, [`create database ${name}`])
  t.teardown(() => admin(server, [`drop database if exists ${name} with (force)`]))
  const url = new URL(server)
  url.pathname = `/${name}`
  await admin(url.toString(), [
    'create extension cube',
    'create extension earthdistance',
    'create extension ltree',
    'create extension pgcrypto',
  ])
  return { ...source, DATABASE_URL: url.toString() }
}

/** A registration in 鼓楼区 with both a mobile and an ID number stored encrypted. */
async function encryptedMember(app: FastifyInstance): Promise<string> {
  const row = await app.db
    .selectFrom('memberships')
    .select('id')
    .where('region_code', '=', '350102')
    .where('mobile_enc', 'is not', null)
    .where('id_number_enc', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function reveal(app: FastifyInstance, staff: Account, id: string) {
  const values: Record<string, string> = {}
  for (const field of ['mobile', 'idNumber']) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/review/memberships/${id}/reveal`,
      headers: staff.auth,
      payload: { field, reason: '备份恢复核对' },
    })
    if (res.statusCode !== 200) throw new Error(`reveal ${field}: ${res.statusCode} ${res.body}`)
    values[field] = res.json().value
  }
  return values
}

async function staffSignIn(app: FastifyInstance, username: string): Promise<Account> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    payload: { username, password: STRONG_PASSWORD },
  })
  if (res.statusCode !== 200) throw new Error(`sign-in: ${res.statusCode} ${res.body}`)
  const session = res.json()
  return {
    id: session.user.id,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    auth: { authorization: `Bearer ${session.accessToken}` },
  }
}

t.test(
  'a backup restores into a fresh database: every row, and encrypted fields readable with its keys only',
  async (t) => {
    const source = await freshConfig(t, { SEED_DEMO: 'true' })
    const app = await buildAppWith(t, source)
    await app.ready()
    const county = await fillEveryTable(app)
    const member = await encryptedMember(app)
    const secrets = await reveal(app, county, member)
    t.match(secrets, { mobile: /^1\d{10}$/, idNumber: /^\d{17}[\dX]$/ }, 'revealed before')
    const before = await rowCounts(app.db)
    const empty = Object.keys(before).filter((table) => before[table] === 0)
    t.same(
      empty,
      [],
      `every one of the ${Object.keys(before).length} tables has rows before the dump`,
    )

    const folder = await tempDir('djt-backup-')
    if (driver === 'pglite') {
      await t.rejects(
        backup(source, folder),
        { name: 'BackupError', message: /no server uses it.*in use by another server/ },
        'the embedded folder is not copied while a server uses it',
      )
      t.same(await readdir(folder), [], 'and nothing was written')
      await app.close()
    }
    const manifest = await backup(source, folder)
    t.same(manifest.tables, before, 'the manifest counts what was dumped')
    t.same(manifest.keys, { source: 'env', idsInUse: ['test1'] }, 'and the key ids, never a key')

    const target = await freshTarget(t, source)
    const check = await restore(target, folder)
    t.equal(check.tables, Object.keys(before).length, 'the restore checked every table')
    t.ok(check.ciphertextsDecrypted >= 2 && check.blindIndexesChecked >= 4, JSON.stringify(check))
    await t.rejects(restore(target, folder), BackupError, 'a second restore into it is refused')

    const restored = await buildAppWith(t, target)
    await restored.ready()
    t.same(await rowCounts(restored.db), before, 'every table has as many rows as the original')
    const staff = await staffSignIn(restored, 'backup.gulou')
    t.same(await reveal(restored, staff, member), secrets, 'the encrypted fields read the same')
    await restored.close()
    if (driver === 'postgres') await app.close()

    // The same backup, restored with keys other than the ones it was made with.
    const lacking = await freshTarget(t, source)
    lacking.FIELD_KEYS = new Map([['test2', TEST_KEYS.test2]])
    await t.rejects(
      restore(lacking, folder),
      { message: /FIELD_KEYS lacks key id\(s\) test1/ },
      'FIELD_KEYS without a key id the data uses: refused before anything is written',
    )
    if (driver === 'pglite') t.same(await readdir(lacking.dataDir), [], 'and DATA_DIR stays empty')

    const otherIndexKey = await freshTarget(t, source)
    otherIndexKey.BLIND_INDEX_KEY = Buffer.alloc(32, 0x5a)
    await t.rejects(
      restore(otherIndexKey, folder),
      { message: /mobile_bi does not match: BLIND_INDEX_KEY/ },
      'another BLIND_INDEX_KEY: the restore says matching would break',
    )
  },
)
