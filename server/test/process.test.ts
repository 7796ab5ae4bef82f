import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import path from 'node:path'
import t from 'tap'
import type { Config } from '../src/config.ts'
import { compiledEntry } from './fixtures/compiled-server.ts'
import { driver, freshConfig } from './helper.ts'

// The compiled server, as production runs it (and a third of the start-up CPU of tsx).
const serverEntry = await compiledEntry('server')

function startServer(env: NodeJS.ProcessEnv): {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
} {
  const child = spawn(process.execPath, [serverEntry], {
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      DATABASE_URL: '',
      REDIS_URL: '',
      // The freeze of every region holds PGlite for a minute: nothing here needs it.
      LEDGER_FREEZE: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function waitReady(port: number, exited: Promise<unknown>): Promise<void> {
  let done = false
  exited.then(() => (done = true))
  for (let i = 0; i < 600 && !done; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not become ready')
}

t.test('a malformed variable stops the server with one line naming it', async (t) => {
  const { exited, output } = startServer({ PORT: 'eighty' })
  t.equal(await exited, 1)
  const lines = output().trim().split('\n')
  t.equal(lines.length, 1, output())
  t.match(lines[0], /cannot start: Invalid configuration: PORT="eighty" is invalid/)
})

t.test('a malformed REDIS_URL stops the server with one line naming it', async (t) => {
  const { exited, output } = startServer({ REDIS_URL: 'localhost:6379' })
  t.equal(await exited, 1)
  const lines = output().trim().split('\n')
  t.equal(lines.length, 1, output())
  t.match(lines[0], /cannot start: Invalid configuration: REDIS_URL=\(hidden\) is invalid/)
})

t.test('SIGTERM: the in-flight request finishes, then the server exits 0', async (t) => {
  const config = await freshConfig(t)
  const port = await freePort()
  const server = startServer(envFor(config, port))
  t.teardown(() => server.child.kill('SIGKILL'))
  await waitReady(port, server.exited)
  // A request whose headers arrived before SIGTERM and whose body comes after it.
  const body = JSON.stringify({ refreshToken: 'r'.repeat(43) })
  const socket = connect(port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  socket.write(
    `POST /api/v1/auth/logout?parent=350100 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
  )
  await sleep(300)
  server.child.kill('SIGTERM')
  await sleep(300)
  let answer = ''
  socket.on('data', (chunk) => (answer += chunk))
  socket.write(body)
  await new Promise((resolve) => socket.once('close', resolve))
  t.match(answer, /^HTTP\/1\.1 204/, 'the in-flight request finished')
  t.equal(await server.exited, 0)
  t.notMatch(server.output(), /parent=350100/, 'query strings stay out of the logs')
  t.match(server.output(), /"url":"\/api\/v1\/auth\/logout"/, 'the path is logged')
  if (driver === 'pglite')
    t.notOk(existsSync(path.join(config.dataDir, 'server.lock')), 'the lock was released')
})

// The data-folder lock exists only for the embedded database.
if (driver === 'pglite') {
  t.test('embedded folder: a second server on it refuses to start', async (t) => {
    const config = await freshConfig(t)
    const port = await freePort()
    const first = startServer(envFor(config, port))
    t.teardown(() => first.child.kill('SIGKILL'))
    await waitReady(port, first.exited)
    const second = startServer(envFor(config, await freePort()))
    t.equal(await second.exited, 1)
    t.match(
      second.output(),
      /cannot start: The data folder .* is in use by another server \(pid \d+/,
    )
    t.equal(
      (await fetch(`http://127.0.0.1:${port}/healthz`)).status,
      200,
      'the first one still serves',
    )
  })
}

function envFor(config: Config, port: number): NodeJS.ProcessEnv {
  return {
    PORT: String(port),
    DATA_DIR: config.dataDir,
    DATABASE_URL: config.DATABASE_URL ?? '',
    DATABASE_SCHEMA: config.DATABASE_SCHEMA,
    WECHAT_MODE: 'dev',
  }
}
