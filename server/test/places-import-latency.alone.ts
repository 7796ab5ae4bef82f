import Fastify from 'fastify'
import t from 'tap'
import app from '../src/app.ts'
import type { Config } from '../src/config.ts'
import { createStaff } from '../src/staff/staff.service.ts'
import { STRONG_PASSWORD } from './fixtures/accounts.ts'
import { probeHealthz, signIn, startServer, upload } from './fixtures/import-server.ts'
import { TEST_FIELD_KEYS_ENV } from './fixtures/keys.ts'
import { placesGeojson } from './fixtures/places-geojson.ts'
import { freshConfig } from './helper.ts'

const FEATURES = 20_000

/** The county account that imports, made before the server opens the database (PGlite: one process). */
async function prepareDatabase(config: Config): Promise<void> {
  const setup = Fastify()
  await setup.register(app, { config })
  await createStaff(setup.db, null, {
    username: 'county.latency',
    displayName: '延迟测试',
    password: STRONG_PASSWORD,
    level: 'county',
    regionCode: '350102',
  })
  await setup.close()
}

/**
 * A place import of 20,000 GeoJSON features once froze the embedded server: /healthz took
 * 24 s for 3,000 features, nothing answered for 278 s for 20,000. A real server process,
 * a client here probing /healthz every 100 ms over HTTP while the import runs.
 */
t.test(
  `/healthz answers within 1 s while ${FEATURES} GeoJSON places import`,
  { timeout: 900_000 },
  async (t) => {
    const config = await freshConfig(t)
    await prepareDatabase(config)
    const server = await startServer({
      NODE_ENV: 'test',
      WECHAT_MODE: 'dev',
      SEED_DEMO: 'false',
      LEDGER_FREEZE: 'off',
      DATA_DIR: config.dataDir,
      DATABASE_URL: config.DATABASE_URL ?? '',
      DATABASE_SCHEMA: config.DATABASE_SCHEMA,
      ...TEST_FIELD_KEYS_ENV,
    })
    t.teardown(server.stop)
    const token = await signIn(server.base, 'county.latency', STRONG_PASSWORD)
    const geojson = placesGeojson(FEATURES)
    const importing = upload(
      server.base,
      token,
      '/api/v1/places/imports?crs=wgs84',
      geojson,
      'places.geojson',
    )
    const probes = await probeHealthz(server.base, importing)
    const answer = await importing
    t.equal(answer.status, 201, answer.body.slice(0, 300))
    t.match(JSON.parse(answer.body), {
      rowsRead: FEATURES,
      rowsAccepted: FEATURES,
      rowsRejected: 0,
    })
    const sorted = [...probes.latencies].sort((a, b) => a - b)
    const max = sorted.at(-1) ?? Number.POSITIVE_INFINITY
    t.comment(
      `import ${(answer.ms / 1000).toFixed(1)} s; ${sorted.length} probes, ` +
        `median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    )
    t.same(probes.failures, [], 'every probe answered')
    t.ok(sorted.length >= Math.floor(answer.ms / 100) * 0.8, 'the probes ran throughout')
    t.ok(max <= 1000, `max ${max.toFixed(1)} ms ≤ 1 s`)
  },
)
