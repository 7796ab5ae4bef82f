// Latency while the server freezes every region's ledger on a fresh embedded database:
// a real server process (`npm start`'s server, sources through tsx unless
// BENCH_SERVER_COMMAND is given, e.g. "server/dist/server.js"), a client in this process
// polling /healthz and places nearby every 100 ms until the freeze's closing log line.
// Run: node --import tsx scripts/bench/freeze-latency.mjs
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { percentile, probeDuringFreeze } from '../../server/test/fixtures/freeze-probe.ts'

const command = process.env.BENCH_SERVER_COMMAND?.split(' ').filter(Boolean)
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-bench-freeze-'))
try {
  const result = await probeDuringFreeze({
    dataDir,
    ...(command ? { command } : {}),
    env: { SEED_DEMO: 'auto' },
  })
  const sorted = [...result.latencies].sort((a, b) => a - b)
  const ms = (n) => `${n.toFixed(1)} ms`
  console.log(`fresh embedded database, ready after ${ms(result.readyMs)}`)
  console.log(
    `freeze: ${result.frozen} regions frozen, ${result.failed} failed, in ${(result.freezeMs / 1000).toFixed(1)} s`,
  )
  console.log(
    `probes during the freeze: ${sorted.length} answered, ${result.failures.length} failed; ` +
      `p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`,
  )
  for (const failure of result.failures.slice(0, 5)) console.log(`  failed: ${failure}`)
} finally {
  await rm(dataDir, { recursive: true, force: true })
}
