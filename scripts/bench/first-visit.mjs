import { request } from 'node:http'
import { startDemoServer } from '../lib/demo-server.mjs'
import { h5BuildIsCurrent } from '../lib/h5-build.mjs'

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
const server = process.env.BENCH_URL ? undefined : await startDemoServer()
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
