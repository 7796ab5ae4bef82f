import { sql } from 'kysely'
import t, { type Test } from 'tap'
import {
  type MigrationFile,
  migrate,
  type RepeatableFile,
  readMigrations,
  readRepeatables,
} from '../src/db/migrate.ts'
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
  await migrate(handle, files.slice(0, 2), [])
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
  const repeatables = await readRepeatables()
  const [a, b] = await Promise.all([migrate(first, files), migrate(second, files)])
  t.equal(a.length + b.length, files.length + repeatables.length)
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

async function repeatablesRecorded(handle: Awaited<ReturnType<typeof openFresh>>) {
  const { rows } = await sql<{
    name: string
    checksum: string
    applied_at: Date
  }>`select name, checksum, applied_at from schema_repeatables order by name`.execute(handle.db)
  return rows
}

t.test('a fresh database gets every repeatable file, after the numbered ones', async (t) => {
  const handle = await openFresh(t)
  const files = await readMigrations()
  const repeatables = await readRepeatables()
  t.ok(repeatables.length >= 3, 'functions and triggers live in server/migrations/repeatable/')
  const applied = await migrate(handle, files)
  t.same(applied, [
    ...files.map((file) => file.name),
    ...repeatables.map((file) => `repeatable/${file.name}`),
  ])
  t.same(
    (await repeatablesRecorded(handle)).map(({ name, checksum }) => ({ name, checksum })),
    repeatables.map(({ name, checksum }) => ({ name, checksum })),
  )
})

t.test('an unchanged repeatable is not applied again; a changed one is', async (t) => {
  const handle = await openFresh(t)
  const files = await readMigrations()
  const repeatables = await readRepeatables()
  await migrate(handle, files, repeatables)
  const before = await repeatablesRecorded(handle)
  t.same(await migrate(handle, files, repeatables), [], 'nothing changed, nothing applied')
  t.same(await repeatablesRecorded(handle), before, 'applied_at kept')

  const probe: RepeatableFile = {
    name: 'zz_probe.sql',
    sql: `create or replace function probe_answer() returns int language sql as $$ select 1 $$;`,
    checksum: 'probe-1',
  }
  t.same(await migrate(handle, files, [...repeatables, probe]), ['repeatable/zz_probe.sql'])
  const edited = { ...probe, sql: probe.sql.replace('select 1', 'select 2'), checksum: 'probe-2' }
  t.same(await migrate(handle, files, [...repeatables, edited]), ['repeatable/zz_probe.sql'])
  const { rows } = await sql<{ answer: number }>`select probe_answer() as answer`.execute(handle.db)
  t.equal(rows[0]?.answer, 2, "the function is the changed file's")
  const recorded = await repeatablesRecorded(handle)
  t.equal(recorded.find((row) => row.name === 'zz_probe.sql')?.checksum, 'probe-2')
})

t.test('a repeatable changed back to an earlier text restores that definition', async (t) => {
  const handle = await openFresh(t)
  const files = await readMigrations()
  const repeatables = await readRepeatables()
  await migrate(handle, files, repeatables)
  const ledgers = repeatables.find((file) => file.name === 'ledger_tallies.sql')
  if (!ledgers) throw new Error('ledger_tallies.sql is missing')
  const broken = {
    ...ledgers,
    sql: `${ledgers.sql}\ndrop trigger ledger_memberships on memberships;\n`,
    checksum: 'without-trigger',
  }
  await migrate(
    handle,
    files,
    repeatables.map((file) => (file === ledgers ? broken : file)),
  )
  t.equal(await triggerExists(handle, 'ledger_memberships'), false)
  t.same(await migrate(handle, files, repeatables), ['repeatable/ledger_tallies.sql'])
  t.equal(await triggerExists(handle, 'ledger_memberships'), true, 'the trigger is back')
})

t.test('a failing repeatable rolls back the numbered migrations with it', async (t) => {
  const handle = await openFresh(t)
  const files = await readMigrations()
  const failing: RepeatableFile = {
    name: 'zz_bad.sql',
    sql: 'create function half_done() returns int language sql as $$ select 1 $$;\nselect 1/0;',
    checksum: 'bad',
  }
  await t.rejects(migrate(handle, files, [...(await readRepeatables()), failing]), {
    name: 'MigrationError',
    message: /Repeatable migration zz_bad\.sql failed/,
  })
  t.equal(await tableExists(handle, 'schema_migrations'), false, 'no migration recorded')
  t.equal(await tableExists(handle, 'memberships'), false, 'no table left behind')
  const { rows } = await sql<{
    found: boolean
  }>`select to_regprocedure('half_done()') is not null as found`.execute(handle.db)
  t.equal(rows[0]?.found, false, 'the half-done function is gone')
})

async function triggerExists(handle: Awaited<ReturnType<typeof openFresh>>, name: string) {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgname = ${name} and c.relnamespace = current_schema()::regnamespace) as found`.execute(
    handle.db,
  )
  return rows[0]?.found
}
