// Several servers on one PostgreSQL and one Redis, behind a real haproxy on loopback: the
// set-up shared by the replicas test (test/replicas/) and its benchmark (scripts/bench/).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { ensureServerBuild } from '../server-build.mjs'

export const root = fileURLToPath(new URL('../../..', import.meta.url))

/** How a server process is started: compiled, as production runs it (built first if stale). */
export const SERVER_COMMAND = {
  command: process.execPath,
  args: ['--enable-source-maps', 'server/dist/server.js'],
}

export const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((file) => existsSync(file))

/** One province (福建, 94 regions): the period freeze then takes a second, not ~25 s. */
const KEEP_REGIONS = '350000'

/**
 * A fresh schema in `databaseUrl`, migrated and seeded with the demo dataset by one
 * server run, then cut to one province and given old audit rows for the retention job.
 */
export async function prepareDatabase({ databaseUrl, schema, env, logDir, port, oldAuditRows }) {
  if ((await ensureServerBuild({ log: () => {} })) !== 0) throw new Error('the server build failed')
  await query(databaseUrl, `create schema ${schema}`)
  const prep = startServer(
    'prep',
    port,
    { ...env, SEED_DEMO: 'true', LEDGER_FREEZE: 'off' },
    logDir,
  )
  await prep.ready()
  await prep.stop('SIGTERM')
  await query(
    databaseUrl,
    `set search_path = ${schema}, public;
     delete from regions where not path <@ '${KEEP_REGIONS}';
     insert into audit_log (action, outcome, at)
       select 'replicas.old_row', 'success', now() - interval '400 days'
       from generate_series(1, ${oldAuditRows})`,
  )
}

export async function dropSchema(databaseUrl, schema) {
  await query(databaseUrl, `drop schema if exists ${schema} cascade`)
}

export async function query(databaseUrl, text, values) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

/** What every replica shares: one database, one Redis, the same secrets. */
export function sharedEnvironment({ databaseUrl, schema, redisUrl, redisPrefix, extra = {} }) {
  const key = () => randomBytes(32).toString('base64')
  return {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    DATABASE_POOL_SIZE: '8',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    WECHAT_MODE: 'dev',
    SEED_DEMO: 'false',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    FIELD_KEYS: `k1:${key()}`,
    BLIND_INDEX_KEY: key(),
    TRUST_PROXY: 'loopback',
    LEDGER_FREEZE: 'auto',
    LEDGER_FREEZE_CHECK_MINUTES: '1',
    // haproxy marks a server down after 2 failed checks 500 ms apart: drain longer than that.
    SHUTDOWN_DRAIN_SECONDS: '2',
    ...extra,
  }
}

/** One server process on `port`, its output in `<logDir>/<name>.log`. */
export function startServer(name, port, env, logDir) {
  const logFile = path.join(logDir, `${name}.log`)
  const log = createWriteStream(logFile, { flags: 'a' })
  const child = spawn(SERVER_COMMAND.command, SERVER_COMMAND.args, {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.pipe(log)
  child.stderr.pipe(log)
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  return {
    name,
    port,
    logFile,
    exited,
    async ready(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs
      let gone = false
      exited.then(() => {
        gone = true
      })
      while (Date.now() < deadline && !gone) {
        const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (res) => res.ok,
          () => false,
        )
        if (ok) return
        await sleep(200)
      }
      throw new Error(`${name} did not become ready; see ${logFile}`)
    },
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
    async log() {
      return readFile(logFile, 'utf8').catch(() => '')
    },
  }
}

/**
 * haproxy in front of the replicas: round robin, health checks on /readyz, a request
 * whose connection failed is retried on another server (redispatch). Server-side
 * connections close after each answer, so a server that stops takes no request on an
 * idle connection it is closing. `X-Served-By` names the server that answered. A health
 * check may take 3 s and a server is out after 3 failed checks in a row: on a loaded
 * two-core machine a /readyz can take longer than the 500 ms interval.
 */
export async function startHaproxy(port, replicas, logDir) {
  const config = `global
  maxconn 4096
  log stdout format raw local0
defaults
  mode http
  log global
  option httplog
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  timeout queue 10s
  timeout check 3s
  retries 3
  option redispatch 1
  retry-on conn-failure
  option http-server-close
  option forwardfor
frontend replicas
  bind 127.0.0.1:${port}
  default_backend servers
backend servers
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  http-response set-header X-Served-By %s
  default-server check inter 500 fall 3 rise 2
${replicas.map((replica) => `  server ${replica.name} 127.0.0.1:${replica.port}`).join('\n')}
`
  const file = path.join(logDir, 'haproxy.cfg')
  await writeFile(file, config)
  if (!HAPROXY) throw new Error('haproxy is not installed (apt-get install haproxy)')
  const log = createWriteStream(path.join(logDir, 'haproxy.log'))
  const child = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.pipe(log)
  child.stderr.pipe(log)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const url = `http://127.0.0.1:${port}`
  // Up once every replica passed its health checks.
  for (let i = 0; i < 200; i++) {
    const served = new Set()
    for (let j = 0; j < replicas.length * 2; j++) {
      const res = await fetch(`${url}/readyz`).catch(() => undefined)
      if (res?.ok) served.add(res.headers.get('x-served-by'))
    }
    if (served.size === replicas.length) break
    await sleep(250)
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

export const tempDir = (prefix) => mkdtemp(path.join(os.tmpdir(), prefix))
