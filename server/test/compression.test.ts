import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import t, { type Test } from 'tap'
import { HASHED_ASSET } from '../src/plugins/h5.ts'
import { buildTestApp } from './helper.ts'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** A small H5 build, compressed by the same script `npm run build:h5` runs. */
async function h5Build(t: Test): Promise<{ dir: string; script: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'djt-h5-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  await mkdir(path.join(dir, 'js'))
  const script = Array.from({ length: 400 }, (_, i) => `export const pledge${i} = '诚信经营 ${i}'`)
  await writeFile(path.join(dir, 'js/app.9fde0a54.js'), script.join('\n'))
  await writeFile(
    path.join(dir, 'index.html'),
    `<!doctype html><title>党建通</title>${' '.repeat(2000)}`,
  )
  const done = spawnSync(process.execPath, [path.join(repo, 'scripts/precompress.mjs'), dir], {
    encoding: 'utf8',
  })
  t.equal(done.status, 0, done.stderr)
  return { dir, script: script.join('\n') }
}

t.test('a hashed asset: brotli when asked, gzip for gzip only, cached for good', async (t) => {
  const { dir, script } = await h5Build(t)
  t.ok(existsSync(path.join(dir, 'js/app.9fde0a54.js.br')), 'the build wrote a brotli copy')
  const app = await buildTestApp(t, { H5_DIR: dir })
  const url = '/js/app.9fde0a54.js'

  const br = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } })
  t.equal(br.statusCode, 200)
  t.equal(br.headers['content-encoding'], 'br')
  t.match(br.headers['content-type'], /javascript/)
  t.equal(br.headers['cache-control'], IMMUTABLE)
  t.match(br.headers.vary, /accept-encoding/)
  t.equal(brotliDecompressSync(br.rawPayload).toString(), script)
  t.ok(br.rawPayload.length < script.length / 4, 'far fewer bytes')

  const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } })
  t.equal(gzip.headers['content-encoding'], 'gzip')
  t.equal(gzip.headers['cache-control'], IMMUTABLE)
  t.equal(gunzipSync(gzip.rawPayload).toString(), script)

  const plain = await app.inject({ url })
  t.equal(plain.headers['content-encoding'], undefined)
  t.equal(plain.headers['cache-control'], IMMUTABLE)
  t.equal(plain.body, script)
})

t.test('index.html is fetched again every time, compressed or not', async (t) => {
  const { dir } = await h5Build(t)
  const app = await buildTestApp(t, { H5_DIR: dir })
  const br = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } })
  t.equal(br.statusCode, 200)
  t.equal(br.headers['content-encoding'], 'br')
  t.equal(br.headers['cache-control'], 'no-cache')
  t.match(brotliDecompressSync(br.rawPayload).toString(), /党建通/)
  const plain = await app.inject('/index.html')
  t.equal(plain.headers['cache-control'], 'no-cache')
})

t.test('JSON answers are compressed when large enough', async (t) => {
  const app = await buildTestApp(t)
  const large = await app.inject({
    url: '/api/v1/regions',
    headers: { 'accept-encoding': 'br, gzip' },
  })
  t.equal(large.statusCode, 200)
  t.equal(large.headers['content-encoding'], 'br')
  t.match(large.headers.vary, /accept-encoding/)
  const regions = JSON.parse(brotliDecompressSync(large.rawPayload).toString())
  t.ok(regions.items.length >= 31, 'the provinces, about 2 KB of JSON')
  const gzip = await app.inject({
    url: '/api/v1/regions',
    headers: { 'accept-encoding': 'gzip' },
  })
  t.equal(gzip.headers['content-encoding'], 'gzip')
  t.same(JSON.parse(gunzipSync(gzip.rawPayload).toString()), regions)
  const small = await app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br' } })
  t.equal(small.headers['content-encoding'], undefined, 'under 1 KB: not worth it')
  const plain = await app.inject('/api/v1/regions')
  t.equal(plain.headers['content-encoding'], undefined, 'nothing the client did not ask for')
})

t.test("the cache rule matches every name of the Taro H5 build's assets", async (t) => {
  for (const name of [
    '/h5/js/app.9fde0a54.js',
    '/h5/js/61.5c3d8602.js.br',
    '/h5/js/61.5c3d8602.js.LICENSE.txt',
    '/h5/css/app.c6e7abdb.css.gz',
    '/h5/css/114.409a4da2.css',
    '/h5/static/images/nearby.1a2b3c4d.png',
  ])
    t.match(name, HASHED_ASSET, name)
  for (const name of ['/h5/index.html', '/h5/index.html.br', '/h5/js/app.js', '/h5/favicon.ico'])
    t.notMatch(name, HASHED_ASSET, name)
  // The real build, when there is one (npm test builds it after the server suites).
  const built = path.join(repo, 'miniapp/dist-h5')
  if (!existsSync(path.join(built, 'index.html'))) return
  const assets = readdirSync(built, { recursive: true, encoding: 'utf8' }).filter(
    (name) => /^(js|css|static)\//.test(name) && !name.endsWith('/'),
  )
  t.ok(assets.length > 0)
  t.same(
    assets.filter((name) => !HASHED_ASSET.test(name)),
    [],
    'no asset of the real build falls back to no-cache',
  )
})
