import { Writable } from 'node:stream'
import Fastify from 'fastify'
import t from 'tap'
import app, { serverOptions } from '../src/app.ts'
import { createStaff } from '../src/staff/staff.service.ts'
import { STRONG_PASSWORD } from './fixtures/accounts.ts'
import { buildTestApp, driver, freshConfig } from './helper.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Holds the event loop, as a long synchronous stretch of work would. */
function stall(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // busy on purpose
  }
}

t.test(
  'a stalled event loop: 503 with Retry-After; /healthz still answers, and says so',
  async (t) => {
    const server = await buildTestApp(t, {
      PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '50',
      PRESSURE_RETRY_AFTER_SECONDS: '7',
    })
    await server.ready()
    const calm = await server.inject('/api/v1/regions')
    t.equal(calm.statusCode, 200, 'answers normally before the stall')
    // The delay is sampled once a second: stall until a sample has seen it.
    for (let i = 0; i < 10 && !server.isUnderPressure(); i++) {
      stall(1200)
      await sleep(20)
    }
    t.ok(server.isUnderPressure(), 'the stall was noticed')
    const [refused, ready, health, signedIn] = await Promise.all([
      server.inject('/api/v1/regions'),
      server.inject('/readyz'),
      server.inject('/healthz'),
      server.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer not-a-token' } }),
    ])
    t.equal(refused.statusCode, 503)
    t.equal(refused.headers['retry-after'], '7')
    t.equal(refused.json().error.code, 'service_unavailable')
    t.equal(refused.json().error.requestId, refused.headers['x-request-id'])
    t.equal(ready.statusCode, 503, 'not ready: the balancer sends traffic elsewhere for now')
    t.equal(ready.json().ready, false)
    t.equal(ready.json().database.reachable, true, 'the rest of the status is still true')
    t.equal(ready.headers['retry-after'], '7')
    t.equal(health.statusCode, 200, 'liveness answers: restarting a busy server would not help')
    t.same(health.json(), { status: 'ok', underPressure: true })
    t.equal(signedIn.statusCode, 503, 'refused before any token check or account read')
  },
)

t.test('/metrics: not served without METRICS_TOKEN', async (t) => {
  const server = await buildTestApp(t)
  t.equal((await server.inject('/metrics')).statusCode, 404)
})

t.test('/metrics: refused without the bearer token, served with it', async (t) => {
  const token = 'scrape-me-0123456789abcdef'
  const server = await buildTestApp(t, { METRICS_TOKEN: token })
  t.equal((await server.inject('/metrics')).statusCode, 401)
  const wrong = await server.inject({
    url: '/metrics',
    headers: { authorization: `Bearer ${token}x` },
  })
  t.equal(wrong.statusCode, 401)
  t.equal((await server.inject('/api/v1/regions?parent=350000')).statusCode, 200)
  const res = await server.inject({
    url: '/metrics',
    headers: { authorization: `Bearer ${token}` },
  })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/plain/)
  t.match(
    res.body,
    /http_requests_total\{method="GET",route="\/api\/v1\/regions",status_code="200"\} 1\n/,
    'the route pattern is counted, not the URL with its query',
  )
  t.match(
    res.body,
    /http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/v1\/regions"/,
  )
  t.match(res.body, /\nnodejs_eventloop_lag_seconds \d/)
  t.match(res.body, /\ndjt_under_pressure 0\n/)
  if (driver === 'postgres') t.match(res.body, /djt_db_pool_connections\{state="in_use"\} \d/)
  else t.notMatch(res.body, /djt_db_pool_connections/, 'PGlite has no pool')
  const docs = await server.inject('/docs/json')
  t.notOk(docs.json().paths['/metrics'], 'not in the public API description')
})

t.test('request id: a sane incoming x-request-id is kept, echoed and logged', async (t) => {
  const config = await freshConfig(t, { LOG_LEVEL: 'info' })
  const lines: { reqId?: string; msg?: string }[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  const options = serverOptions(config)
  const server = Fastify({ ...options, logger: { ...(options.logger as object), stream } })
  await server.register(app, { config })
  t.teardown(() => server.close())
  await server.ready()
  await createStaff(server.db, null, {
    username: 'log.check',
    displayName: '日志检查',
    password: STRONG_PASSWORD,
    level: 'province',
    regionCode: '350000',
  })

  const signIn = await server.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    headers: { 'x-request-id': 'edge-7f3a.sign_in-1' },
    payload: { username: 'log.check', password: STRONG_PASSWORD },
  })
  t.equal(signIn.statusCode, 200)
  t.equal(signIn.headers['x-request-id'], 'edge-7f3a.sign_in-1')
  const signedIn = lines.find((line) => line.msg === 'staff signed in')
  t.equal(signedIn?.reqId, 'edge-7f3a.sign_in-1', "the handler's own log line carries the id")

  for (const insane of ['two words', 'a'.repeat(65), 'x\u00e9', '']) {
    const res = await server.inject({ url: '/healthz', headers: { 'x-request-id': insane } })
    t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/, `${JSON.stringify(insane)} is replaced`)
  }
  const refused = await server.inject({ url: '/api/v1/me', headers: { 'x-request-id': 'r-1' } })
  t.equal(refused.json().error.requestId, 'r-1', 'error bodies carry the same id')
})
