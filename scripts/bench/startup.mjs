// Measures `npm start` to ready: a fresh embedded data folder (initdb, migrations, regions
// and demo seed included) and warm restarts on the same folder. The H5 build must be current.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { h5BuildIsCurrent, root } from '../lib/h5-build.mjs'

if (!h5BuildIsCurrent()) {
  console.error(
    'Build the H5 app first (npm run build:h5, or npm start once): this measures the server only.',
  )
  process.exit(2)
}
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-bench-start-'))
const port = await freePort()
const fresh = await startToReady()
const warm = []
for (let i = 0; i < 3; i++) warm.push(await startToReady())
await rm(dataDir, { recursive: true, force: true })
console.log(`npm start → ready, fresh data folder: ${fresh} ms`)
console.log(
  `npm start → ready, warm restart: ${warm.join(' / ')} ms (median ${warm.sort((a, b) => a - b)[1]} ms)`,
)

async function startToReady() {
  const t0 = performance.now()
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
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
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
  return ms
}

async function freePort() {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}
