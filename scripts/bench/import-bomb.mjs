// What an XLSX bomb and a large GeoJSON cost a real server on a fresh embedded database:
// a county account made with the staff CLI, then the server process (sources through tsx)
// receives the 20-million-shared-string XLSX (2 MB zipped, ~740 MB inflated), three of them
// at once, and a 20,000-feature GeoJSON while this process probes /healthz every 100 ms.
// Resident memory is read from /proc/<pid>/status (VmRSS sampled every 10 ms, VmHWM).
// Run: node --import tsx scripts/bench/import-bomb.mjs
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  peakRssDuring,
  probeHealthz,
  residentMemory,
  signIn,
  startServer,
  upload,
} from '../../server/test/fixtures/import-server.ts'
import { placesGeojson } from '../../server/test/fixtures/places-geojson.ts'
import { sharedStringsBomb } from '../../server/test/fixtures/zip-bomb.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const USERNAME = 'bench.county'
const PASSWORD = 'Bench-lantern-2026!'
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const ms = (n) => `${n.toFixed(0)} ms`

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-bench-bomb-'))
const env = { DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'false', LEDGER_FREEZE: 'off' }

/** `npm run staff -- create …` against the data folder, before the server opens it. */
async function createCounty() {
  const cli = path.join(root, 'server/src/cli/staff.ts')
  const args = ['--import', 'tsx', cli, 'create', '--username', USERNAME, '--name', '压测区县']
  args.push('--level', 'county', '--region', '350102')
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, STAFF_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const code = await new Promise((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`staff CLI exited with ${code}`)
}

let server
try {
  await createCounty()
  server = await startServer(env)
  const token = await signIn(server.base, USERNAME, PASSWORD)
  const idle = await residentMemory(server.pid)
  console.log(`fresh embedded database; server pid ${server.pid}, idle RSS ${mb(idle.rss)}`)

  const bomb = sharedStringsBomb()
  const route = '/api/v1/registers/platform_roster/imports'
  const sending = upload(server.base, token, route, bomb, 'bomb.xlsx')
  const peak = await peakRssDuring(server.pid, sending)
  const answer = await sending
  const message = JSON.parse(answer.body).error?.message
  console.log(
    `XLSX bomb (${mb(bomb.length)} zipped, 20,000,000 shared strings, ~740 MB inflated): ` +
      `${answer.status} in ${ms(answer.ms)} — ${message}`,
  )
  console.log(`  server RSS while refusing it: peak ${mb(peak)} (idle ${mb(idle.rss)})`)

  const three = Promise.all(
    [1, 2, 3].map(() => upload(server.base, token, route, bomb, 'bomb.xlsx')),
  )
  const peakThree = await peakRssDuring(server.pid, three)
  const answers = await three
  console.log(
    `three bombs at once: ${answers.map((a) => `${a.status} in ${ms(a.ms)}`).join(', ')}; ` +
      `peak RSS ${mb(peakThree)}`,
  )

  const geojson = placesGeojson(20_000)
  const importing = upload(
    server.base,
    token,
    '/api/v1/places/imports?crs=wgs84',
    geojson,
    'places.geojson',
  )
  const [probes, peakImport] = await Promise.all([
    probeHealthz(server.base, importing),
    peakRssDuring(server.pid, importing),
  ])
  const imported = await importing
  const report = JSON.parse(imported.body)
  const sorted = [...probes.latencies].sort((a, b) => a - b)
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
  console.log(
    `GeoJSON of 20,000 features (${mb(Buffer.byteLength(geojson))}): ${imported.status} in ` +
      `${(imported.ms / 1000).toFixed(1)} s, ${report.rowsAccepted} places; peak RSS ${mb(peakImport)}`,
  )
  console.log(
    `  /healthz meanwhile: ${sorted.length} answered, ${probes.failures.length} failed; ` +
      `p50 ${ms(at(50))}, p99 ${ms(at(99))}, worst ${ms(sorted.at(-1) ?? Number.NaN)}`,
  )
  console.log(`server VmHWM over the whole run: ${mb((await residentMemory(server.pid)).peak)}`)
} finally {
  await server?.stop()
  await rm(dataDir, { recursive: true, force: true })
}
