// The compiled server on a fresh embedded database with the demo data, for benchmarks that
// measure what a visitor gets (first-visit.mjs, public-page.mjs). BENCH_PORT picks the port.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ensureServerBuild, root, serverDist } from './server-build.mjs'

export async function startDemoServer() {
  if ((await ensureServerBuild({ log: () => {} })) !== 0) process.exit(1)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-bench-demo-'))
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
