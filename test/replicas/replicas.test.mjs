// Three servers on one PostgreSQL and one Redis behind haproxy, one SIGKILLed and one
// restarted during a load: nothing acknowledged is lost or doubled, per-IP limits hold
// across servers, scheduled jobs run once. `npm test` runs it when DATABASE_URL and
// REDIS_URL are set and haproxy is installed:
//   node --import tsx --test test/replicas/replicas.test.mjs
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { LIMITS, runScenario } from '../../scripts/lib/replicas/scenario.mjs'

const { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl } = process.env
let report

before(
  async () => {
    assert.ok(databaseUrl && redisUrl, 'DATABASE_URL and REDIS_URL must be set')
    report = await runScenario({
      databaseUrl,
      redisUrl,
      basePort: 3120,
      load: { workers: 8, minSeconds: 24, maxSeconds: 50, members: 16 },
      say: (line) => console.log(line),
    })
    console.log(JSON.stringify(report, null, 1))
  },
  { timeout: 170_000 },
)

test('every write answered 2xx is in the database exactly once', () => {
  const { acknowledged, lost, duplicated } = report.database
  assert.ok(acknowledged.memberships > 20, `registrations: ${acknowledged.memberships}`)
  assert.ok(acknowledged.ratings > 20, `ratings: ${acknowledged.ratings}`)
  assert.ok(acknowledged.checkins > 5, `check-ins: ${acknowledged.checkins}`)
  assert.deepEqual(lost, { memberships: 0, ratings: 0, checkins: 0 })
  assert.deepEqual(duplicated, { memberships: 0, ratings: 0, checkins: 0 })
})

test('no 5xx except requests in flight on the server that was killed', () => {
  const { http5xx, closed, atKill } = report.errors
  console.log(
    `${http5xx} answered 5xx, ${closed} closed; in flight on r1 when killed: ${atKill.length}`,
  )
  for (const line of report.errors.atKill) console.log(`  ${line}`)
  assert.deepEqual(report.errors.other, [])
  assert.ok(report.errors.atKill.length <= 8 * 2, 'at most what the clients had in flight')
})

test('a per-IP limit of N lets exactly N requests through across the servers', () => {
  const { unknownCodes, signIns } = report.limits
  assert.deepEqual(unknownCodes.byStatus, {
    404: LIMITS.unknownCodes,
    429: LIMITS.unknownCodes * 2,
  })
  assert.deepEqual(signIns.byStatus, { 401: LIMITS.staffSignIns, 429: LIMITS.staffSignIns * 2 })
  // The limit is shared when the guesses reach more than one server; haproxy may have
  // taken a slow server out for a moment, so two of the three are enough to prove it.
  console.log(`guesses served by ${unknownCodes.servers} servers, sign-ins by ${signIns.servers}`)
  assert.ok(unknownCodes.servers >= 2, `the guesses reached ${unknownCodes.servers} server(s)`)
  assert.ok(signIns.servers >= 2, `the sign-ins reached ${signIns.servers} server(s)`)
})

test('the period-end freeze stored each region once', () => {
  const { freeze } = report.database
  assert.equal(freeze.periods.length, 1, `periods: ${freeze.periods}`)
  assert.equal(freeze.snapshots, freeze.regions)
  assert.equal(freeze.regionsFrozenTwice, 0)
  assert.equal(report.frozenInLogs, freeze.regions, 'the servers froze them once between them')
})

test('the audit retention ran once for all servers and restarts', () => {
  const { retention } = report.database
  assert.equal(retention.runs.length, 1, JSON.stringify(retention.runs))
  assert.equal(retention.runs[0].removed, retention.oldAuditRows)
  assert.equal(retention.oldRowsLeft, 0)
})
