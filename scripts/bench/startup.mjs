// Start-up of the server, run two ways: from the TypeScript sources through tsx (how it ran
// before it was compiled) and compiled (server/dist/server.js with plain node, what `npm start`
// and production run). For each: start → /readyz on a fresh embedded data folder (initdb,
// migrations, regions and demo seed included), warm restarts on the same folder, and the
// resident memory once started and idle. The period-end ledger freeze is off: on a fresh
// folder it would stall the process for a minute right after ready, which is not start-up.
// `npm start` adds its build checks to these (hashing the sources: well under a second).
// BENCH_PORT picks the port (default: any free one), BENCH_RUNS the warm restarts per way
// (default 3). The H5 build must be current.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { h5BuildIsCurrent, root } from '../lib/h5-build.mjs'
import { ensureServerBuild, serverDist } from '../lib/server-build.mjs'

const WARM_RUNS = Number(process.env.BENCH_RUNS) || 3
const IDLE_SETTLE_MS = 3000

if (!h5BuildIsCurrent()) {
  console.error('Build the H5 app first (npm run build:h5, or npm start once).')
  process.exit(2)
}
if ((await ensureServerBuild({ log: () => {} })) !== 0) process.exit(1)

const ways = [
  { name: 'tsx, from sources (before)', args: ['--import', 'tsx', 'server/src/server.ts'] },
  {
    name: 'compiled, plain node (after)',
    args: ['--enable-source-maps', path.join(serverDist, 'server.js')],
  },
]
const port = Number(process.env.BENCH_PORT) || (await freePort())

for (const way of ways) way.dataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-bench-start-'))
try {
  // Interleaved, so a neighbour's load on this machine falls on both ways alike.
  for (const way of ways) way.cold = (await startToReady(way)).ms
  for (const way of ways) way.warm = []
  for (const way of ways) way.rss = []
  for (let i = 0; i < WARM_RUNS; i++) {
    for (const way of ways) {
      const { ms, rssMb } = await startToReady(way, { measureIdle: true })
      way.warm.push(ms)
      way.rss.push(rssMb)
    }
  }
} finally {
  for (const way of ways) await rm(way.dataDir, { recursive: true, force: true })
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
console.log(`server start → ready (${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)})`)
for (const way of ways) {
  console.log(
    `${way.name.padEnd(30)} fresh data folder ${seconds(way.cold).padStart(7)}   warm restart ${seconds(median(way.warm)).padStart(6)} (${way.warm.map(seconds).join(' / ')})   idle RSS ${median(way.rss)} MB`,
  )
}

async function startToReady(way, { measureIdle = false } = {}) {
  const t0 = performance.now()
  const child = spawn(process.execPath, way.args, {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: way.dataDir,
      PORT: String(port),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      LEDGER_FREEZE: 'off',
    },
    stdio: 'ignore',
  })
  const url = `http://127.0.0.1:${port}/readyz`
  while (
    !(await fetch(url).then(
      (res) => res.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const ms = Math.round(performance.now() - t0)
  let rssMb
  if (measureIdle) {
    await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS))
    rssMb = residentMb(child.pid)
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
  return { ms, rssMb }
}

/** VmRSS of a Linux process, in MB. */
function residentMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1])
  return Math.round(kb / 1024)
}

async function freePort() {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}
