// Ledgers at provincial scale on real PostgreSQL: 10,000,000 registered members and
// 100,000 markets spread over Fujian's 9 cities and 84 counties, with 10,000 activities and
// 300,000 attendances (组织生活, as scripts/bench/activities.mjs), loaded in bulk (triggers
// off, indexes built after, tallies rebuilt once with ledger_recount()). Then:
// - GET /api/v1/ledgers for the province and for one county, 200 requests each, one at a
//   time, through the real server: targets p99 ≤ 100 ms (province) and ≤ 20 ms (county);
// - the drill-down below the county: the first page of /ledgers/markets for a county, a city
//   and the province, and the XLSX of a county and a city with 市场明细 (figures only);
// - the XLSX export of the province's ledger (target ≤ 5 s) and the server's memory;
// - the cost the tally trigger adds to one registration (insert) and one verification
//   (update): the same statements with the trigger on and off, 1,000 of each.
// Run: node --import tsx scripts/bench/ledgers.mjs [--members 10000000] [--markets 100000]
//   --keep leaves the loaded database (its name is printed); --reuse <name> times that one
//   again without loading (the load takes minutes), and --reuse <name> --drop removes it.
// Needs PostgreSQL at BENCH_PG (default postgres://postgres@127.0.0.1:5432, trust auth).
import { parseArgs } from 'node:util'
import pg from 'pg'
import { loadConfig } from '../../server/src/config.ts'
import { migrate, readMigrations } from '../../server/src/db/migrate.ts'
import { openDatabase } from '../../server/src/db/open.ts'
import { runSeeds } from '../../server/src/seed/seed.ts'
import { createStaff } from '../../server/src/staff/staff.service.ts'
import { bulkLoad, measureWrites } from './ledgers-data.mjs'
import { startDevServer } from './ledgers-server.mjs'
import { benchCipher } from './nearby-data.mjs'
import { createBenchDatabase, keptBenchDatabase } from './pg-bench.mjs'

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '10000000' },
    markets: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    drop: { type: 'boolean', default: false },
  },
})
const MEMBERS = Number(args.members)
const MARKETS = Number(args.markets)
const REQUESTS = Number(args.requests)
const TARGETS = { province: 100, county: 20, exportSeconds: 5 }
const PASSWORD = 'Bench-ledger-2026!'

/**
 * The drill-down below the county: the first page of markets (50 rows) of a county, a city
 * and the province, and the XLSX of a county and a city with every market on its own row.
 * Reported only: the issue sets no target for them.
 */
async function timeDetail(server, token) {
  for (const region of ['350102', '350100', '350000']) {
    const r = await server.timeGet(token, `/ledgers/markets?region=${region}`, REQUESTS)
    console.log(
      `GET /api/v1/ledgers/markets?region=${region}, first page of 50, ${REQUESTS} requests: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`,
    )
  }
  for (const region of ['350102', '350100']) {
    const x = await server.timeExport(token, region)
    console.log(
      `XLSX export of ${region} with 市场明细, 5 times: ${x.runs.map((s) => s.toFixed(2)).join(', ')} s; ${x.bytes} bytes; server memory ${x.before.rss.toFixed(0)} MB before, ${x.after.rss.toFixed(0)} MB after (peak ${x.after.peak.toFixed(0)} MB)`,
    )
  }
}

if (args.reuse && args.drop) {
  await keptBenchDatabase(args.reuse).dropNow()
  process.exit(0)
}
const database = args.reuse ? keptBenchDatabase(args.reuse) : await createBenchDatabase('ledgers')
let exitCode = 0
try {
  if (!args.reuse) await load()
  const pool = new pg.Pool({ connectionString: database.url, max: 4 })
  try {
    const server = await startDevServer(database.url)
    try {
      for (const [who, region] of [
        ['province', '350000'],
        ['county', '350102'],
      ]) {
        const token = await server.signIn(`bench.${who}`, PASSWORD)
        const r = await server.timeGet(token, `/ledgers?region=${region}`, REQUESTS)
        const ok = r.p99 <= TARGETS[who]
        if (!ok) exitCode = 1
        console.log(
          `GET /api/v1/ledgers?region=${region} (${who}), ${REQUESTS} requests one at a time: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (target p99 ≤ ${TARGETS[who]} ms) ${ok ? 'met' : 'MISSED'}; ${r.bytes} bytes`,
        )
      }
      const token = await server.signIn('bench.province', PASSWORD)
      await timeDetail(server, token)
      const x = await server.timeExport(token, '350000')
      const worst = Math.max(...x.runs)
      if (worst > TARGETS.exportSeconds) exitCode = 1
      console.log(
        `XLSX export of the province ledger, 5 times: ${x.runs.map((s) => s.toFixed(2)).join(', ')} s (target ≤ ${TARGETS.exportSeconds} s) ${worst <= TARGETS.exportSeconds ? 'met' : 'MISSED'}; ${x.bytes} bytes; server memory ${x.before.rss.toFixed(0)} MB before, ${x.after.rss.toFixed(0)} MB after (peak ${x.after.peak.toFixed(0)} MB)`,
      )
    } finally {
      await server.stop()
    }
    // Writes add rows: only on a database loaded by this run, so a kept one stays as loaded.
    if (args.reuse) console.log('write costs: measured on a fresh load only (not with --reuse)')
    else await measureWrites(pool)
  } finally {
    await pool.end()
  }
} catch (error) {
  console.error(error)
  exitCode = 2
} finally {
  if (args.keep || args.reuse)
    console.log(
      `kept ${database.name}: --reuse ${database.name} times it again, add --drop to remove it`,
    )
  else await database.drop()
}
process.exit(exitCode)

/** A fresh database migrated, seeded (two staff accounts) and loaded in bulk. */
async function load() {
  const config = loadConfig({ DATABASE_URL: database.url, WECHAT_MODE: 'dev', SEED_DEMO: 'false' })
  const handle = await openDatabase(config)
  try {
    await migrate(handle, await readMigrations())
    await runSeeds(handle.db, { demo: false, cipher: benchCipher() })
    for (const [username, level, regionCode] of [
      ['bench.province', 'province', '350000'],
      ['bench.county', 'county', '350102'],
    ])
      await createStaff(handle.db, null, {
        username,
        displayName: username,
        password: PASSWORD,
        level,
        regionCode,
      })
  } finally {
    await handle.close()
  }
  const pool = new pg.Pool({ connectionString: database.url, max: 4 })
  try {
    await bulkLoad(pool, MEMBERS, MARKETS)
  } finally {
    await pool.end()
  }
}
