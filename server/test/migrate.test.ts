import { sql } from 'kysely'
import t, { type Test } from 'tap'
import { type MigrationFile, migrate, readMigrations } from '../src/db/migrate.ts'
import { openDatabase } from '../src/db/open.ts'
import { freshConfig } from './helper.ts'

const bad = (version: number, body: string): MigrationFile => ({
  version,
  name: `${String(version).padStart(4, '0')}_bad.sql`,
  sql: body,
  checksum: `bad-${version}`,
})

async function openFresh(t: Test) {
  const handle = await openDatabase(await freshConfig(t, {}, { empty: true }))
  t.teardown(() => handle.close())
  return handle
}

async function tableExists(handle: Awaited<ReturnType<typeof openFresh>>, name: string) {
  const { rows } = await sql<{
    found: boolean
  }>`select to_regclass(${name}) is not null as found`.execute(handle.db)
  return rows[0]?.found
}

t.test('migrations apply once, and a second run applies nothing', async (t) => {
  const handle = await openFresh(t)
  const files = await readMigrations()
  await migrate(handle, files)
  t.same(await migrate(handle, files), [])
  const { rows } = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(
    handle.db,
  )
  t.equal(rows[0]?.n, files.length)
  t.equal(typeof rows[0]?.n, 'number', 'count(*) is a number on both drivers')
})

t.test('a failing migration leaves the database as it was', async (t) => {
  const handle = await openFresh(t)
  const files = await readMigrations()
  await migrate(handle, files.slice(0, 2))
  const failing = [...files, bad(9001, 'create table half_done (id int);\nselect 1/0;')]
  await t.rejects(migrate(handle, failing), {
    name: 'MigrationError',
    message: /9001_bad\.sql failed/,
  })
  t.equal(await tableExists(handle, 'half_done'), false, 'the half-done table is gone')
  t.equal(
    await tableExists(handle, 'app_meta'),
    false,
    'the good pending migration rolled back too',
  )
  const { rows } = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(
    handle.db,
  )
  t.equal(rows[0]?.n, 2)
})

t.test('on an empty database a failure leaves no trace at all', async (t) => {
  const handle = await openFresh(t)
  await t.rejects(migrate(handle, [bad(1, 'create table x (id int); select nope;')]))
  t.equal(await tableExists(handle, 'schema_migrations'), false)
})

t.test('an applied migration that was edited refuses to start', async (t) => {
  const handle = await openFresh(t)
  const files = await readMigrations()
  await migrate(handle, files)
  const edited = files.map((file, index) => (index === 1 ? { ...file, checksum: 'edited' } : file))
  await t.rejects(migrate(handle, edited), { message: /was changed after it was applied/ })
})

t.test('two servers migrating at once: applied exactly once', async (t) => {
  const config = await freshConfig(t, {}, { empty: true })
  const files = await readMigrations()
  // On PGlite one folder has one server (the lock), so both runs share the handle.
  const first = await openDatabase(config)
  const second = config.DATABASE_URL ? await openDatabase(config) : first
  t.teardown(async () => {
    await first.close()
    if (second !== first) await second.close()
  })
  const [a, b] = await Promise.all([migrate(first, files), migrate(second, files)])
  t.equal(a.length + b.length, files.length)
  const { rows } = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(
    first.db,
  )
  t.equal(rows[0]?.n, files.length)
})

t.test('dates and int8 come back the same from both drivers', async (t) => {
  const handle = await openFresh(t)
  const { rows } = await sql<{
    d: string
    n: number
  }>`select '2024-06-30'::date as d, 9007199254740::int8 as n`.execute(handle.db)
  t.same(rows[0], { d: '2024-06-30', n: 9007199254740 })
})
