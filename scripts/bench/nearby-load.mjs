// Load and measurement for the nearby benchmark: autocannon against the real server, the
// repository's own SQL from a pg pool, EXPLAIN, and the production-configured server.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely'
import { nearbyPlaces } from '../../server/src/places/nearby.repository.ts'
import { root } from '../lib/h5-build.mjs'
import { ensureServerBuild, serverDist } from '../lib/server-build.mjs'
import { LIMIT, nearbyFilter, RADIUS } from './nearby-data.mjs'

/** The repository's own SQL for each point, compiled (never executed) by Kysely. */
export async function compileQueries(points, extra = {}) {
  let captured
  const compiler = new Kysely({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      captured = event.query
    },
  })
  const queries = []
  for (const point of points) {
    captured = undefined
    await nearbyPlaces(compiler, nearbyFilter(point, extra), new Date())
    if (!captured) throw new Error('nearbyPlaces ran no query')
    queries.push({ text: captured.sql, values: [...captured.parameters] })
  }
  return queries
}

export async function explain(pool, query, label) {
  const { rows } = await pool.query({
    text: `explain (analyze, buffers) ${query.text}`,
    values: query.values,
  })
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n')
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS), ${label}:\n${plan}`)
  console.log(`uses index places_geo: ${/places_geo\b/.test(plan) ? 'yes' : 'no'}\n`)
}

/** Open places inside the circle (what the query sorts) and rows answered, per point. */
export async function rowCounts(pool, points, queries) {
  const inside = []
  const answered = []
  for (const [i, point] of points.entries()) {
    const { rows } = await pool.query({
      text: `select count(*)::int as n from places
        where earth_box(ll_to_earth($1, $2), $3) @> geo and status = 'open'
          and earth_distance(ll_to_earth($1, $2), geo) <= $3`,
      values: [point.lat, point.lng, RADIUS],
    })
    inside.push(rows[0].n)
    answered.push((await pool.query(queries[i])).rowCount)
  }
  const spread = (list) => {
    const sorted = list.toSorted((a, b) => a - b)
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
    return `min ${sorted[0]}, median ${at(0.5)}, p90 ${at(0.9)}, max ${sorted.at(-1)}`
  }
  return { inside: spread(inside), answered: spread(answered) }
}

/**
 * autocannon against the server; every response time goes into `latencies` (ms) when
 * given, so rounds can be merged into one exact percentile.
 */
export async function cannon(port, points, seconds, connections, latencies) {
  let next = 0
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const point = points[next++ % points.length]
          request.path = `/api/v1/places/nearby?lat=${point.lat}&lng=${point.lng}&radius=${RADIUS}&limit=${LIMIT}`
          return request
        },
      },
    ],
  })
  if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  const result = await instance
  return {
    rps: result.requests.total / seconds,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

export async function sqlLoop(pool, queries, seconds, connections, allLatencies) {
  const latencies = []
  let next = 0
  const until = performance.now() + seconds * 1000
  const client = async () => {
    const connection = await pool.connect()
    try {
      while (performance.now() < until) {
        const query = queries[next++ % queries.length]
        const t0 = performance.now()
        await connection.query(query)
        latencies.push(performance.now() - t0)
      }
    } finally {
      connection.release()
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: connections }, client))
  if (allLatencies) for (const ms of latencies) allLatencies.push(ms)
  return summarise(latencies, (performance.now() - started) / 1000)
}

export function summarise(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort()
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return {
    rps: sorted.length / seconds,
    total: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1),
  }
}

export function printHttp(label, r, connections) {
  console.log(
    `${label}, ${connections} connections: ${r.rps.toFixed(0)} req/s (${r.total} requests), p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
  )
}

export function printLoop(label, r) {
  console.log(
    `${label}: ${r.rps.toFixed(0)} req/s (${r.total} queries), p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(1)} ms`,
  )
}

export function loadLine() {
  const [one, five] = os.loadavg()
  return `[${new Date().toISOString().slice(11, 19)} load average ${one.toFixed(2)} / ${five.toFixed(2)} on ${os.cpus().length} cores]`
}

async function compiledServer() {
  if ((await ensureServerBuild()) !== 0) throw new Error('the server build failed')
  return path.join(serverDist, 'server.js')
}

/** The real server, configured as production requires (live WeChat mode, keys, secret). */
export async function startServer(database) {
  const port = await freePort()
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : []
  // The compiled server, as production runs it; BENCH_SERVER=tsx measures the sources.
  const entry =
    process.env.BENCH_SERVER === 'tsx'
      ? ['--import', 'tsx', 'server/src/server.ts']
      : [await compiledServer()]
  const child = spawn(process.execPath, [...profile, ...entry], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PUBLIC_BASE_URL: 'https://bench.example.gov.cn',
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      WECHAT_MODE: 'live',
      WECHAT_APPID: 'wx-bench',
      WECHAT_SECRET: 'bench-secret',
      WECHAT_PUSH_TOKEN: 'benchPushToken',
      FIELD_KEYS: `bench1:${randomBytes(32).toString('base64')}`,
      BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      DATABASE_URL: '',
      ...database,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  for (let i = 0; ; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) break
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    if (i > 1200) throw new Error('server did not become ready in 120 s')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const sample = await fetch(
    `http://127.0.0.1:${port}/api/v1/places/nearby?lat=26.074&lng=119.296&radius=${RADIUS}&limit=${LIMIT}`,
  )
  const body = await sample.json()
  if (sample.status !== 200)
    throw new Error(`nearby answered ${sample.status}: ${JSON.stringify(body)}`)
  console.log(
    body.items.length
      ? `server up; nearby at 福州's centre: ${body.items.length} items, nearest ${body.items[0].distanceMeters} m, farthest ${body.items.at(-1).distanceMeters} m, next page ${body.next ? 'yes' : 'no'}`
      : "server up; nearby at 福州's centre answers (no places in this database)",
  )
  let stopped = false
  return {
    port,
    pid: child.pid,
    async stop() {
      if (stopped) return
      stopped = true
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
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
