// What a first visit downloads, uncompressed and compressed: index.html, what it loads
// (the entry's scripts and styles), the chunks of the home page (附近) and of the public
// pledge page a plaque's QR opens (found in the webpack runtime of the entry), and the JSON
// those pages ask for first. Each URL is fetched twice, with no Accept-Encoding and with
// `br, gzip`, and the body bytes on the wire are added up (headers not counted).
// Starts the compiled server on a fresh demo database (BENCH_PORT, default any free port),
// or measures BENCH_URL when given. The H5 build must be current.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { h5BuildIsCurrent, root } from '../lib/h5-build.mjs'
import { ensureServerBuild, serverDist } from '../lib/server-build.mjs'

const PAGES = { 首页附近: 'pages/nearby/index', 承诺公示页: 'packagePledge/pages/public/index' }
const FIRST_JSON = [
  '/api/v1/status',
  '/api/v1/regions',
  '/api/v1/places/nearby?lat=26.0822&lng=119.2965&radius=5000',
  '/api/v1/public/pledges/cBenchUnknown1',
]

if (!process.env.BENCH_URL && !h5BuildIsCurrent()) {
  console.error('Build the H5 app first (npm run build:h5, or npm start once).')
  process.exit(2)
}
const server = process.env.BENCH_URL ? undefined : await startServer()
const base = process.env.BENCH_URL ?? server.url
try {
  const assets = await firstVisitAssets(base)
  const rows = [
    ...(await measure(base, assets.entry, 'index.html + entry')),
    ...(await measure(base, assets.pages, 'page chunks')),
    ...(await measure(base, FIRST_JSON, 'JSON')),
  ]
  report(rows, assets.note)
} finally {
  await server?.stop()
}

/** index.html, the files it references, then the chunks each page's route loads. */
async function firstVisitAssets(origin) {
  const html = (await get(origin, '/', {})).body.toString()
  const referenced = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])
  const entry = ['/', ...referenced]
  const scripts = await Promise.all(
    referenced
      .filter((url) => url.endsWith('.js'))
      .map(async (url) => (await get(origin, url, {})).body.toString()),
  )
  const runtime = scripts.find((code) => code.includes('"load":function'))
  const jsNames = runtime && chunkNames(runtime, 'js')
  if (!runtime || !jsNames) return { entry, pages: [], note: 'page chunks not found: entry only' }
  const cssNames = chunkNames(runtime, 'css') ?? {}
  const pages = new Set()
  for (const page of Object.values(PAGES)) {
    const route = new RegExp(
      `"path":"${page}","load":function load\\([^)]*\\)\\{return\\[(.*?)\\]\\}`,
    )
    const load = route.exec(runtime)?.[1] ?? ''
    for (const [, id] of load.matchAll(/\.e\((\d+)\)/g)) {
      pages.add(`/js/${id}.${jsNames[id]}.js`)
      if (cssNames[id]) pages.add(`/css/${id}.${cssNames[id]}.css`)
    }
  }
  return { entry, pages: [...pages].filter((url) => !entry.includes(url)) }
}

/** webpack's chunk id → content hash map for `js/<id>.<hash>.js` (or css). */
function chunkNames(runtime, kind) {
  const map = new RegExp(`return"${kind}/"\\+\\w+\\+"\\."\\+(\\{[^}]*\\})\\[\\w+\\]\\+"\\.${kind}"`)
  const found = map.exec(runtime)?.[1]
  return found ? JSON.parse(found) : undefined
}

async function measure(origin, urls, group) {
  return Promise.all(
    urls.map(async (url) => {
      const identity = await get(origin, url, {})
      const compressed = await get(origin, url, { 'accept-encoding': 'br, gzip' })
      return {
        group,
        url,
        status: identity.status,
        identity: identity.body.length,
        compressed: compressed.body.length,
        encoding: compressed.encoding ?? 'none',
      }
    }),
  )
}

function report(rows, note) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10)
  console.log(`first visit, body bytes on the wire${note ? ` (${note})` : ''}`)
  console.log(`${'url'.padEnd(64)} ${'identity'.padStart(10)} ${'br, gzip'.padStart(10)}  encoding`)
  for (const row of rows) {
    const url = row.status === 200 ? row.url : `${row.url} (${row.status})`
    console.log(`${url.padEnd(64)} ${kb(row.identity)} ${kb(row.compressed)}  ${row.encoding}`)
  }
  for (const group of [...new Set(rows.map((row) => row.group)), 'total']) {
    const some = rows.filter((row) => group === 'total' || row.group === group)
    const before = some.reduce((sum, row) => sum + row.identity, 0)
    const after = some.reduce((sum, row) => sum + row.compressed, 0)
    console.log(
      `${group.padEnd(24)} before ${kb(before)} → after ${kb(after)}  (${Math.round((100 * after) / before)} %, ${some.length} files)`,
    )
  }
}

/** One GET with node:http, which leaves the body as sent: compressed bytes stay compressed. */
function get(origin, url, headers) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url, origin), { headers }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          encoding: res.headers['content-encoding'],
          body: Buffer.concat(chunks),
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

async function startServer() {
  if ((await ensureServerBuild({ log: () => {} })) !== 0) process.exit(1)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-bench-visit-'))
  const port = Number(process.env.BENCH_PORT) || (await freePort())
  const child = spawn(process.execPath, [path.join(serverDist, 'server.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: '',
      SEED_DEMO: 'true',
      LEDGER_FREEZE: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  while (
    !(await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

async function freePort() {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}
