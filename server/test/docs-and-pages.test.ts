import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import { buildTestApp } from './helper.ts'

t.test('OpenAPI JSON at /docs/json lists the routes with their schemas; UI at /docs', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/docs/json')
  t.equal(res.statusCode, 200)
  const spec = res.json()
  t.match(spec.openapi, /^3\./)
  for (const route of [
    '/healthz',
    '/readyz',
    '/api/v1/status',
    '/api/v1/regions',
    '/api/v1/regions/{code}',
  ]) {
    t.ok(spec.paths[route], `${route} is documented`)
  }
  t.ok(spec.paths['/api/v1/regions/{code}'].get.responses['404'], 'error responses are documented')
  const ui = await app.inject('/docs/')
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /text\/html/)
})

t.test('the H5 build is served at /, unknown paths stay JSON 404', async (t) => {
  const h5 = await mkdtemp(path.join(os.tmpdir(), 'djt-h5-'))
  t.teardown(() => rm(h5, { recursive: true, force: true }))
  await writeFile(path.join(h5, 'index.html'), '<!doctype html><title>党建通</title>')
  await writeFile(path.join(h5, 'app.0123abcd.js'), 'console.log(1)')
  const app = await buildTestApp(t, { H5_DIR: h5 })

  const index = await app.inject('/')
  t.equal(index.statusCode, 200)
  t.match(index.body, /党建通/)
  t.equal(index.headers['cache-control'], 'no-cache')
  const asset = await app.inject('/app.0123abcd.js')
  t.match(asset.headers['cache-control'], /immutable/)
  const missing = await app.inject('/pages/nowhere.html')
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().error.code, 'route_not_found')
})
