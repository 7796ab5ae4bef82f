// GET /api/v1/places/nearby under load, against the same SQL run straight on the database.
//
// PostgreSQL (default): 1,000,000 places across China on a throwaway database (70 % around
// 60 city centres, Fujian's nine among them; 30 % uniform over the mainland's bounds), a
// production-configured server, then 30 s of autocannon with random points in Fujian's
// cities and 30 s of the repository's exact SQL from a pg pool with as many clients,
// interleaved in six 5-second pairs after both have warmed up, and
// EXPLAIN (ANALYZE, BUFFERS) of one query. Targets: HTTP ÷ raw SQL ≥ 0.8 (req/s), HTTP p99
// ≤ 30 ms, no non-2xx answer; exits 1 when one is missed.
// PGlite (--pglite, or both parts with --all): 100,000 places in an embedded data folder,
// the query in-process for 10 s (one session), then autocannon against a server on it.
//
// Files: nearby-data.mjs (the places and query points), nearby-load.mjs (load, SQL loop,
// EXPLAIN, server: compiled, or the sources with BENCH_SERVER=tsx). Run: node --import tsx scripts/bench/nearby.mjs [--all | --pglite]
//        [--connections 10 | --sweep 5,10,20] [--duration 30] [--places 1000000]
// BENCH_CPU_PROF=<dir> makes the server write a V8 CPU profile there when it stops.
// Needs PostgreSQL at BENCH_PG (default postgres://postgres@127.0.0.1:5432, trust auth).
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { CHINA_TIME_ZONE } from '@djt/shared'
import { sql } from 'kysely'
import pg from 'pg'
import { loadConfig } from '../../server/src/config.ts'
import { migrate, readMigrations } from '../../server/src/db/migrate.ts'
import { openDatabase } from '../../server/src/db/open.ts'
import { openPglite } from '../../server/src/db/pglite.ts'
import { freezeEndedPeriod } from '../../server/src/ledgers/period-freeze.ts'
import { nearbyPlaces } from '../../server/src/places/nearby.repository.ts'
import { runSeeds } from '../../server/src/seed/seed.ts'
import { benchCipher, LIMIT, makePoints, nearbyFilter, RADIUS, seedPlaces } from './nearby-data.mjs'
import {
  cannon,
  compileQueries,
  explain,
  loadLine,
  printHttp,
  printLoop,
  rowCounts,
  sqlLoop,
  startServer,
  summarise,
} from './nearby-load.mjs'
import { createBenchDatabase } from './pg-bench.mjs'

const { values: args } = parseArgs({
  options: {
    all: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    connections: { type: 'string', default: '10' },
    sweep: { type: 'string' },
    duration: { type: 'string', default: '30' },
    places: { type: 'string', default: '1000000' },
    'pglite-places': { type: 'string', default: '100000' },
    'pglite-duration': { type: 'string', default: '10' },
  },
})

let CONNECTIONS = Number(args.connections)

/** --sweep 5,10,20: short HTTP runs at each count first; the best one is then measured. */
const SWEEP = args.sweep ? args.sweep.split(',').map(Number) : []

const DURATION = Number(args.duration)

const PG_PLACES = Number(args.places)

const PGLITE_PLACES = Number(args['pglite-places'])

const PGLITE_SECONDS = Number(args['pglite-duration'])

const TARGET_RATIO = 0.8

const TARGET_P99_MS = 30

const WARMUP_SECONDS = 5

/** The measured seconds are split into this many HTTP/raw pairs. */
const ROUNDS = 6

const cleanups = []

/**
 * A deployment's database has its ended half-years frozen already; a fresh one makes the
 * server freeze every region in the background on start, which would run through the
 * whole measurement (freeze-latency.mjs measures that on its own).
 */
async function freezeBeforehand(handle) {
  const t0 = performance.now()
  const result = await freezeEndedPeriod(handle.db, new Date())
  console.log(
    `ended half-year ${result.period} frozen beforehand: ${result.frozen} regions in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )
}

// ─── PostgreSQL ────────────────────────────────────────────────────────────────────────

async function postgresPart() {
  console.log(`== PostgreSQL: ${PG_PLACES.toLocaleString('en')} places ==`)
  console.log(loadLine())
  const database = await createBenchDatabase('nearby')
  cleanups.push(() => database.drop())
  const config = loadConfig({
    DATABASE_URL: database.url,
    WECHAT_MODE: 'dev',
    SEED_DEMO: 'false',
  })
  const handle = await openDatabase(config)
  try {
    await migrate(handle, await readMigrations())
    await runSeeds(handle.db, { demo: false, cipher: benchCipher() })
    await seedPlaces(handle, PG_PLACES)
    await freezeBeforehand(handle)
    // The freeze's writes flushed now, not by a checkpoint in the middle of a round.
    await sql`checkpoint`.execute(handle.db)
  } finally {
    await handle.close()
  }

  const points = makePoints(4000)
  const queries = await compileQueries(points)
  const pool = new pg.Pool({
    connectionString: database.url,
    max: Math.max(CONNECTIONS, ...SWEEP),
    options: `-c TimeZone=${CHINA_TIME_ZONE}`,
  })
  cleanups.push(() => pool.end())
  await explain(pool, queries[0], 'radius 3 km, limit 20 (the benchmarked query)')
  await explain(
    pool,
    (await compileQueries([points[0]], { openNow: true, facilities: ['water'] }))[0],
    'same point, openNow=true and facilities=water',
  )
  const counts = await rowCounts(pool, points.slice(0, 200), queries)
  console.log(`first 200 query points: open places within ${RADIUS} m: ${counts.inside}`)
  console.log(`  rows answered (limit ${LIMIT} + 1): ${counts.answered}`)

  // HTTP first, then the raw loop: never both at once.
  const server = await startServer({ DATABASE_URL: database.url })
  cleanups.push(() => server.stop())
  await cannon(server.port, points, WARMUP_SECONDS, CONNECTIONS)
  if (SWEEP.length > 0) {
    let best = { rps: 0 }
    for (const connections of SWEEP) {
      const r = await cannon(server.port, points, 8, connections)
      printHttp(`  sweep: HTTP 8 s`, r, connections)
      if (r.rps > best.rps) best = { rps: r.rps, connections }
    }
    CONNECTIONS = best.connections
    console.log(`  best HTTP throughput at ${CONNECTIONS} connections: measured with that`)
  }
  // Interleaved rounds, after both have warmed up: the machine's speed drifts by 10–20 %
  // from minute to minute here, and whichever ran second used to find the warmer cache.
  await sqlLoop(pool, queries, WARMUP_SECONDS, CONNECTIONS)
  console.log(loadLine())
  const httpTimes = []
  const rawTimes = []
  const totals = { http: 0, raw: 0, non2xx: 0, errors: 0 }
  const roundSeconds = DURATION / ROUNDS
  for (let round = 1; round <= ROUNDS; round++) {
    const h = await cannon(server.port, points, roundSeconds, CONNECTIONS, httpTimes)
    const r = await sqlLoop(pool, queries, roundSeconds, CONNECTIONS, rawTimes)
    totals.http += h.total
    totals.raw += r.total
    totals.non2xx += h.non2xx
    totals.errors += h.errors
    console.log(
      `  round ${round}: HTTP ${h.rps.toFixed(0)} req/s, raw SQL ${r.rps.toFixed(0)} req/s, ratio ${(h.rps / r.rps).toFixed(2)}`,
    )
  }
  await server.stop()
  console.log(loadLine())
  const http = { ...summarise(httpTimes, DURATION), non2xx: totals.non2xx, errors: totals.errors }
  const raw = summarise(rawTimes, DURATION)
  printLoop(`HTTP (PostgreSQL), autocannon, ${CONNECTIONS} connections`, http)
  console.log(`  non-2xx ${http.non2xx}, errors ${http.errors}`)
  printLoop(`raw SQL, pg pool of ${CONNECTIONS}`, raw)

  const ratio = http.rps / raw.rps
  console.log(
    `ratio HTTP ÷ raw SQL: ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}); HTTP p99 ${http.p99.toFixed(1)} ms (target ≤ ${TARGET_P99_MS} ms); non-2xx ${http.non2xx}, errors ${http.errors}`,
  )
  const missed =
    ratio < TARGET_RATIO || http.p99 > TARGET_P99_MS || http.non2xx > 0 || http.errors > 0
  console.log(missed ? 'TARGET MISSED' : 'targets met')
  return missed ? 1 : 0
}

// ─── PGlite ────────────────────────────────────────────────────────────────────────────

async function pglitePart() {
  console.log(`\n== PGlite: ${PGLITE_PLACES.toLocaleString('en')} places ==`)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-bench-nearby-'))
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  const points = makePoints(4000)
  const handle = await openPglite(dataDir)
  try {
    await migrate(handle, await readMigrations())
    await runSeeds(handle.db, { demo: false, cipher: benchCipher() })
    await seedPlaces(handle, PGLITE_PLACES)
    await freezeBeforehand(handle)
    const filter = (point) => nearbyFilter(point)
    for (let i = 0; i < 50; i++) await nearbyPlaces(handle.db, filter(points[i]), new Date())
    console.log(loadLine())
    const latencies = []
    const until = performance.now() + PGLITE_SECONDS * 1000
    let i = 0
    while (performance.now() < until) {
      const t0 = performance.now()
      await nearbyPlaces(handle.db, filter(points[i++ % points.length]), new Date())
      latencies.push(performance.now() - t0)
    }
    printLoop('PGlite in-process nearbyPlaces(), one session', summarise(latencies, PGLITE_SECONDS))
  } finally {
    await handle.close()
  }
  const server = await startServer({ DATA_DIR: dataDir })
  cleanups.push(() => server.stop())
  await cannon(server.port, points, WARMUP_SECONDS, CONNECTIONS)
  console.log(loadLine())
  const http = await cannon(server.port, points, PGLITE_SECONDS, CONNECTIONS)
  await server.stop()
  printHttp(`HTTP (PGlite), ${PGLITE_SECONDS} s`, http, CONNECTIONS)
}

// ─── Run (last: every constant above is initialised) ───────────────────────────────────

let exitCode = 0
try {
  if (!args.pglite) exitCode = await postgresPart()
  if (args.pglite || args.all) await pglitePart()
} catch (error) {
  console.error(error)
  exitCode = 2
} finally {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error) => console.error('cleanup failed:', error.message))
  }
}
process.exit(exitCode)
