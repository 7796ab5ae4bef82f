import t from 'tap'
import { percentile, probeDuringFreeze } from './fixtures/freeze-probe.ts'
import { TEST_FIELD_KEYS_ENV } from './fixtures/keys.ts'
import { freshConfig } from './helper.ts'

/**
 * The half-year freeze of every region (3 348) runs right after start on a fresh database,
 * as it did for the first `npm start`, which then answered nothing for 40 s to 3 minutes.
 * A real server process; a client polls /healthz and places nearby every 100 ms over HTTP.
 */
t.test(
  `requests keep being answered while every region's ledger freezes on the embedded database`,
  { timeout: 900_000 },
  async (t) => {
    const config = await freshConfig(t)
    const result = await probeDuringFreeze({
      dataDir: config.dataDir,
      env: {
        NODE_ENV: 'test',
        WECHAT_MODE: 'dev',
        SEED_DEMO: 'false',
        DATABASE_URL: config.DATABASE_URL ?? '',
        DATABASE_SCHEMA: config.DATABASE_SCHEMA,
        ...TEST_FIELD_KEYS_ENV,
      },
    })
    const sorted = [...result.latencies].sort((a, b) => a - b)
    const p99 = percentile(sorted, 99)
    const max = sorted.at(-1) ?? Number.POSITIVE_INFINITY
    t.comment(
      `${result.frozen} regions in ${(result.freezeMs / 1000).toFixed(1)} s; ` +
        `${sorted.length} probes, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    )
    t.ok(result.frozen > 3000, `every region froze (${result.frozen})`)
    t.equal(result.failed, 0, 'no region failed')
    t.ok(sorted.length >= 2 * Math.floor(result.freezeMs / 100) * 0.9, 'the probes ran throughout')
    t.same(result.failures, [], 'no request failed')
    t.ok(p99 <= 250, `p99 ${p99.toFixed(1)} ms ≤ 250 ms`)
    t.ok(max <= 1000, `max ${max.toFixed(1)} ms ≤ 1 s`)
  },
)
