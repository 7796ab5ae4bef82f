// The replicas scenario: three servers behind haproxy, per-IP limits probed across them,
// then a load during which one server is SIGKILLed and another SIGTERMed and restarted;
// afterwards the database says what was kept. Used by test/replicas and scripts/bench.
import { setTimeout as sleep } from 'node:timers/promises'
import {
  dropSchema,
  prepareDatabase,
  query,
  sharedEnvironment,
  startHaproxy,
  startServer,
  tempDir,
} from './cluster.mjs'
import { burstFromOneIp, createClient, prepareWorld, runLoad } from './load.mjs'
import { checkDatabase } from './verify.mjs'

export const LIMITS = { unknownCodes: 7, staffSignIns: 5 }
const OLD_AUDIT_ROWS = 5
/** Each server checks for the retention run 5 s after it is ready: wait past that. */
const RETENTION_SETTLE_MS = 7_000

/**
 * @param {object} options
 * @param {string} options.databaseUrl a database with the extensions (a schema is made in it)
 * @param {string} options.redisUrl
 * @param {number} options.basePort haproxy here, the servers on the next three ports
 * @param {{ workers: number, minSeconds: number, maxSeconds: number, members: number }} options.load
 * @param {(line: string) => void} [options.say]
 */
export async function runScenario({ databaseUrl, redisUrl, basePort, load, say = console.log }) {
  const run = `${process.pid}${Date.now() % 100_000}`
  const schema = `replicas_${run}`
  const logDir = await tempDir('djt-replicas-')
  const redisPrefix = `djt-replicas-${run}:`
  const env = sharedEnvironment({
    databaseUrl,
    schema,
    redisUrl,
    redisPrefix,
    extra: {
      PUBLIC_UNKNOWN_CODES_PER_IP: String(LIMITS.unknownCodes),
      STAFF_SIGN_IN_PER_IP_PER_MINUTE: String(LIMITS.staffSignIns),
    },
  })
  const servers = [1, 2, 3].map((i) => ({ name: `r${i}`, port: basePort + i }))
  const running = new Map()
  const started = []
  let proxy
  const t0 = performance.now()
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`
  try {
    say(`logs in ${logDir}; schema ${schema}`)
    await prepareDatabase({
      databaseUrl,
      schema,
      env,
      logDir,
      port: basePort + 9,
      oldAuditRows: OLD_AUDIT_ROWS,
    })
    say(`database migrated and seeded (${elapsed()})`)
    for (const server of servers) {
      running.set(server.name, startServer(server.name, server.port, env, logDir))
      started.push(running.get(server.name))
    }
    await Promise.all([...running.values()].map((server) => server.ready()))
    proxy = await startHaproxy(basePort, servers, logDir)
    say(`3 servers ready behind haproxy at ${proxy.url} (${elapsed()})`)

    const client = createClient(proxy.url)
    const limits = await probeLimits(client)
    say(`per-IP limits across servers: ${JSON.stringify(limits)}`)

    const [pledge] = await query(
      databaseUrl,
      `select p.code from ${schema}.pledges p join ${schema}.memberships m on m.id = p.membership_id
       where p.code is not null and p.status = 'active' and p.public_version_id is not null
         and m.state = 'verified' limit 1`,
    )
    const branches = (
      await query(
        databaseUrl,
        `select id from ${schema}.places where kind = 'flow_branch' and accepts_flow_members`,
      )
    ).map((row) => row.id)
    const world = await prepareWorld(client, {
      run,
      members: load.members,
      pledgeCode: pledge?.code,
      branches,
    })
    say(`${world.members.length} verified members, ${branches.length} branches (${elapsed()})`)

    const chaos = { done: false }
    const loadStarted = performance.now()
    const seconds = () => (performance.now() - loadStarted) / 1000
    const requestsBefore = client.answers.length
    const chaosRun = injectFaults({
      running,
      started,
      servers,
      env,
      logDir,
      chaos,
      say,
      seconds,
      load,
    })
    const traffic = runLoad(client, world, {
      workers: load.workers,
      shouldStop: () =>
        seconds() >= load.maxSeconds || (chaos.done && seconds() >= load.minSeconds),
    })
    const [outcome] = await Promise.all([traffic, chaosRun])
    const loadSeconds = seconds()
    const loadAnswers = client.answers.slice(requestsBefore)
    say(
      `load: ${outcome.operations} operations, ${loadAnswers.length} requests in ${loadSeconds.toFixed(1)} s`,
    )

    const settle = RETENTION_SETTLE_MS - (performance.now() - chaos.restartedAt)
    if (settle > 0) await sleep(settle)
    const database = await checkDatabase(databaseUrl, schema, outcome.writes, {
      oldAuditRows: OLD_AUDIT_ROWS,
    })
    const logs = await Promise.all(started.map((server) => server.log()))
    return {
      limits,
      load: {
        operations: outcome.operations,
        requests: loadAnswers.length,
        seconds: loadSeconds,
        throughput: loadAnswers.length / loadSeconds,
        writes: countWrites(outcome.writes),
      },
      errors: classifyFailures(loadAnswers, chaos),
      database,
      frozenInLogs: sumLogged(logs, /"frozen":(\d+)/),
      logDir,
    }
  } finally {
    await proxy?.stop()
    await Promise.all(started.map((server) => server.stop('SIGTERM')))
    await dropSchema(databaseUrl, schema).catch((error) => say(`drop schema: ${error.message}`))
    await deleteKeys(redisUrl, redisPrefix)
  }
}

/** N unknown codes and N staff sign-ins from one address: exactly N pass over all servers. */
async function probeLimits(client) {
  const guesses = LIMITS.unknownCodes * 3
  const unknownCodes = await burstFromOneIp(client, guesses, '192.0.2.77', (i) => ({
    method: 'GET',
    url: `/api/v1/public/pledges/cZZZZZZZZZ${String(i).padStart(2, '0')}`,
  }))
  const signIns = await burstFromOneIp(client, LIMITS.staffSignIns * 3, '192.0.2.78', () => ({
    method: 'POST',
    url: '/api/v1/auth/staff',
    body: { username: 'no.such.user', password: 'Wrong-password-1!' },
  }))
  return { unknownCodes, signIns }
}

/**
 * A quarter into the load: SIGKILL r1 (gone for good). Half-way: SIGTERM r2, which
 * finishes its requests, then start it again and wait until it is ready.
 */
async function injectFaults({ running, started, servers, env, logDir, chaos, say, seconds, load }) {
  const at = async (fraction) => {
    while (seconds() < load.minSeconds * fraction) await sleep(50)
  }
  await at(0.25)
  chaos.killedAt = performance.now()
  await running.get('r1').stop('SIGKILL')
  chaos.killedEnd = performance.now()
  say(`SIGKILL r1 at ${seconds().toFixed(1)} s`)
  await at(0.5)
  say(`SIGTERM r2 at ${seconds().toFixed(1)} s`)
  chaos.stoppedAt = performance.now()
  const code = await running.get('r2').stop('SIGTERM')
  chaos.stoppedEnd = performance.now()
  const r2 = servers[1]
  const again = startServer('r2-restarted', r2.port, env, logDir)
  running.set('r2', again)
  started.push(again)
  await again.ready()
  chaos.restartedAt = performance.now()
  say(`r2 exited (${code}) and is back at ${seconds().toFixed(1)} s`)
  chaos.done = true
}

/**
 * 5xx and failed requests: allowed only if in flight on the killed server while it died
 * (sent before its exit was seen, answered after the signal).
 */
function classifyFailures(answers, chaos) {
  const failed = answers.filter((answer) => answer.status >= 500 || answer.error)
  const inFlightAtKill = (answer) =>
    answer.started <= chaos.killedEnd && answer.ended >= chaos.killedAt
  const ms = (t, from) => `${Math.round(t - from)} ms`
  const show = (answer) =>
    `${answer.method} ${answer.url} → ${answer.error ?? answer.status} by ${answer.servedBy ?? 'proxy'}` +
    ` (sent ${ms(answer.started, chaos.killedAt)} after SIGKILL, ${ms(answer.started, chaos.stoppedAt)} after SIGTERM, took ${ms(answer.ended, answer.started)})`
  return {
    http5xx: failed.filter((answer) => answer.status >= 500).length,
    closed: failed.filter((answer) => answer.error).length,
    atKill: failed.filter(inFlightAtKill).map(show),
    other: failed.filter((answer) => !inFlightAtKill(answer)).map(show),
  }
}

function countWrites(writes) {
  const counts = {}
  for (const write of writes) {
    const key = `${write.kind} ${write.status >= 200 && write.status < 300 ? '2xx' : write.status}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

function sumLogged(logs, pattern) {
  let sum = 0
  for (const log of logs)
    for (const match of log.matchAll(new RegExp(pattern, 'g'))) sum += Number(match[1])
  return sum
}

async function deleteKeys(redisUrl, prefix) {
  const { Redis } = await import('ioredis')
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 500 })
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }))
      if (keys.length > 0) await redis.del(...keys)
  } finally {
    redis.disconnect()
  }
}
