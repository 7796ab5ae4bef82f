// Three servers on one PostgreSQL and one Redis behind haproxy, under a longer load than
// the test's, with r1 SIGKILLed a quarter in and r2 SIGTERMed and restarted half-way:
// throughput, the 5xx and failed requests, and the writes lost (must be 0).
//   node --import tsx scripts/bench/replicas.mjs [--seconds 90] [--workers 16]
// Needs the local PostgreSQL (BENCH_PG, default postgres://postgres@127.0.0.1:5432; its own
// database, dropped after), Redis (BENCH_REDIS, default redis://127.0.0.1:6379/7; its own
// key prefix, deleted after) and haproxy (apt-get install haproxy).
import { parseArgs } from 'node:util'
import { runScenario } from '../lib/replicas/scenario.mjs'
import { createBenchDatabase } from './pg-bench.mjs'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '90' },
    workers: { type: 'string', default: '16' },
  },
})
const seconds = Number(values.seconds)
const workers = Number(values.workers)
const redisUrl = process.env.BENCH_REDIS ?? 'redis://127.0.0.1:6379/7'

const database = await createBenchDatabase('replicas')
let report
try {
  report = await runScenario({
    databaseUrl: database.url,
    redisUrl,
    basePort: 3130,
    load: { workers, minSeconds: seconds, maxSeconds: seconds * 2, members: 40 },
  })
} finally {
  await database.drop()
}

const { load, errors, database: kept } = report
const lost = Object.values(kept.lost).reduce((sum, n) => sum + n, 0)
const doubled = Object.values(kept.duplicated).reduce((sum, n) => sum + n, 0)
console.log(`
3 servers behind haproxy, ${workers} clients, ${load.seconds.toFixed(1)} s of load (r1 SIGKILLed at 25 %, r2 SIGTERMed and restarted at 50 %)
throughput        ${load.throughput.toFixed(1)} requests/s (${load.requests} requests, ${load.operations} operations)
writes answered   ${JSON.stringify(load.writes)}
5xx / failed      ${errors.http5xx} answered 5xx, ${errors.closed} connections closed by the proxy; ${errors.atKill.length} in flight on r1 when it was killed, ${errors.other.length} other
lost writes       ${lost} ${JSON.stringify(kept.lost)}
duplicated        ${doubled}
per-IP limits     unknown codes ${JSON.stringify(report.limits.unknownCodes.byStatus)}, staff sign-ins ${JSON.stringify(report.limits.signIns.byStatus)}
period freeze     ${kept.freeze.snapshots} snapshots for ${kept.freeze.regions} regions, ${kept.freeze.regionsFrozenTwice} frozen twice
audit retention   ran ${kept.retention.runs.length} time(s)`)
for (const line of [...errors.atKill, ...errors.other]) console.log(`  ${line}`)
process.exitCode = lost === 0 && doubled === 0 && errors.other.length === 0 ? 0 : 1
