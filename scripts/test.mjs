// `npm test`: lint, typecheck, every suite, the builds, the WeChat build run in a stand-in
// for WeChat and the end-to-end test, then one summary. Under CI=true a suite that cannot
// run (no database, no browser) fails.
//
// The order: lint and typecheck; then two lanes side by side, the server's (its test files
// on PostgreSQL, then on PGlite) and the clients' (several servers behind haproxy, the
// shared and mini-program unit tests, the WeChat build and its harness, the H5 build and
// the browser test); then the two timing probes, one after the other, by themselves. Each lane
// alone leaves a core idle much of the time (the browser test and the replicas wait on
// pages and servers; a server test file waits on its database): side by side they keep
// both busy. TEST_SERIAL=1 runs every step one after another, each printing as it goes and
// with its own CPU seconds.
import { existsSync, readFileSync } from 'node:fs'
import { countNodeTest, countTap, countVitest } from './lib/counts.mjs'
import { root } from './lib/h5-build.mjs'
import { HAPROXY } from './lib/replicas/cluster.mjs'
import { run, runCaptured, runSideBySide } from './lib/run.mjs'
import { ensureServerBuild } from './lib/server-build.mjs'
import { PGLITE_TOO, pgliteTooFiles } from './lib/server-files.mjs'
import { bundled, bundleServerTestGroups, bundleServerTests } from './lib/server-test-bundles.mjs'
import { runTapFiles } from './lib/tap-files.mjs'

const ci = process.env.CI === 'true'
const serial = process.env.TEST_SERIAL === '1'
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const { DATABASE_URL: databaseUrl, ...envWithoutDatabase } = process.env
const server = `${root}/server`
// tap's 120 s a file, for a process of up to four files.
const GROUP_TIMEOUT_MS = 4 * 120_000
const results = []
const started = performance.now()
const busyAtStart = machineBusySeconds()

/**
 * Runs a command; beside another lane its output is kept and printed whole when it ends,
 * under the step's name, so two lanes' output never mixes within a step. Resolves to
 * `{ code, output }`.
 */
async function step(name, command, args, options = {}) {
  if (serial) banner(name)
  const result = await runCaptured(command, args, { ...options, echo: serial })
  if (!serial) {
    process.stdout.write(`\n━━━ ${name} (output) ━━━\n${result.output}`)
  }
  return result
}

/** A step that is one check (lint, a build): counts as one passed or failed. */
async function check(name, commands) {
  const t0 = performance.now()
  const cpu0 = childCpuSeconds()
  let code = 0
  for (const [command, args] of commands) {
    if (code !== 0) break
    code = (await step(name, command, args, { cwd: root })).code
  }
  record(name, code === 0 ? { passed: 1, failed: 0, skipped: 0 } : failedOnce(), t0, cpu0)
  return code === 0
}

const failedOnce = () => ({ passed: 0, failed: 1, skipped: 0 })

/** A test suite: its own runner's counts, and a failure if it exits non-zero anyway. */
async function suite(name, counter, args, { env = process.env, cwd = root, command = 'npx' } = {}) {
  const t0 = performance.now()
  const cpu0 = childCpuSeconds()
  const { code, output } = await step(name, command, args, { cwd, env })
  const counts = counter(output) ?? { passed: 0, failed: 0, skipped: 0 }
  if (code !== 0 && counts.failed === 0) counts.failed = 1 // crashed, or failed outside a test
  if (code === 0 && counts.passed === 0) counts.failed += 1 // ran no test: that is a failure here
  record(name, counts, t0, cpu0)
}

/**
 * Server test files, bundled, run two at a time with plain node (scripts/lib/tap-files.mjs):
 * one line per file as it ends, so they stream whichever lane is printing.
 */
async function serverSuite(name, files, env, { timeoutMs = 120_000, jobs = 2 } = {}) {
  banner(name)
  const t0 = performance.now()
  const cpu0 = childCpuSeconds()
  const { code, output } = await runTapFiles(files, {
    cwd: server,
    env: { ...env, DJT_TEST_BUNDLED: '1' },
    timeoutMs,
    jobs,
  })
  const counts = countTap(output) ?? failedOnce()
  if (code !== 0 && counts.failed === 0) counts.failed = 1
  if (code === 0 && counts.passed === 0) counts.failed += 1
  record(name, counts, t0, cpu0)
}

function skip(name, why) {
  banner(name)
  if (ci) {
    console.log(`CI=true: "${name}" cannot be skipped (${why}): counted as failed.`)
    results.push({ name, passed: 0, failed: 1, skipped: 0, seconds: 0, note: `not run: ${why}` })
  } else {
    console.log(`skipped: ${why}`)
    results.push({ name, passed: 0, failed: 0, skipped: 1, seconds: 0, note: why })
  }
}

function record(name, counts, t0, cpu0) {
  results.push({
    name,
    ...counts,
    seconds: (performance.now() - t0) / 1000,
    // Beside another lane the children that end are either lane's: only one after another
    // does a step's CPU time mean that step's.
    cpu: serial ? childCpuSeconds() - cpu0 : undefined,
  })
}

/** CPU seconds (user + system) of every finished child process, on Linux; 0 elsewhere. */
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    // After the command name: cutime and cstime are fields 16 and 17 of stat(5), in ticks.
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return 0
  }
}

/** CPU seconds the whole machine spent busy (every process, the database's too), on Linux. */
function machineBusySeconds() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number)
    return (user + nice + system + irq + softirq + steal) / 100
  } catch {
    return 0
  }
}

function banner(name) {
  console.log(`\n━━━ ${name} ━━━`)
}

/** Two lanes side by side, or one after the other with TEST_SERIAL=1. */
async function sideBySide(...lanes) {
  if (serial) {
    for (const lane of lanes) await lane()
  } else {
    await Promise.all(lanes.map((lane) => lane()))
  }
}

// ── First, on both cores: the cheap checks that fail fastest.
await check('lint + format (biome) + house rules', [
  ['npx', ['biome', 'check', '.']],
  ['node', ['scripts/check-house-rules.mjs']],
])
// tsc checks on one core: two projects at a time.
{
  banner('typecheck (tsc)')
  const t0 = performance.now()
  const cpu0 = childCpuSeconds()
  const code = await runSideBySide(
    ['server', 'miniapp', 'test', 'shared'].map((project) => ({
      command: 'npx',
      args: ['tsc', '-p', `${project}/tsconfig.json`],
      options: { cwd: root },
    })),
  )
  record(
    'typecheck (tsc)',
    code === 0 ? { passed: 1, failed: 0, skipped: 0 } : failedOnce(),
    t0,
    cpu0,
  )
}
// The compiled server (what `npm start` runs), built once here: the browser test, the
// WeChat harness and the replicas all start it, from both lanes.
if ((await ensureServerBuild()) !== 0) {
  results.push({ name: 'server build', ...failedOnce(), seconds: 0, note: 'the build failed' })
}

// ── Then the server's lane and the clients' lane, side by side.
await sideBySide(serverLane, clientLane)

/**
 * The server's tap test files, once per database driver: bundled ahead and run with plain
 * node (scripts/lib/server-test-bundles.mjs and tap-files.mjs say why), from server/.
 */
async function serverLane() {
  const serverBundles = await bundleServerTests()
  // Every file, four to a process but those that need one of their own.
  const grouped = await bundleServerTestGroups()
  // PGlite's initdb takes seconds: tests copy prepared data folders, made once here.
  await run('node', ['--import', 'tsx', 'test/fixtures/before.ts'], {
    cwd: server,
    env: envWithoutDatabase,
  })
  // Every file on PostgreSQL when there is one, and on PGlite those that exercise what
  // differs between the drivers (scripts/lib/server-files.mjs says which and why); every
  // file on PGlite when there is none, or on both with SERVER_FILES_ON_BOTH=all.
  const everyFileOnBoth = process.env.SERVER_FILES_ON_BOTH === 'all'
  if (databaseUrl) {
    await run('node', ['--import', 'tsx', 'test/fixtures/before.ts'], { cwd: server })
    await serverSuite('server on PostgreSQL (tap, every file)', grouped, process.env, {
      timeoutMs: GROUP_TIMEOUT_MS,
    })
    await run('node', ['--import', 'tsx', 'test/fixtures/after.ts'], { cwd: server })
    const files = everyFileOnBoth ? serverBundles : pgliteTooFiles().map(bundled)
    await serverSuite(
      `server on PGlite (tap, ${everyFileOnBoth ? 'every file' : `${PGLITE_TOO.length} files`})`,
      files,
      envWithoutDatabase,
    )
  } else {
    await serverSuite('server on PGlite (tap, every file)', grouped, envWithoutDatabase, {
      timeoutMs: GROUP_TIMEOUT_MS,
    })
    skip('server on PostgreSQL (tap)', 'DATABASE_URL is not set')
  }
}

/**
 * Several servers behind haproxy (they wait on one another more than they compute), then
 * the unit tests of shared/ and miniapp/, the two builds and what runs them.
 */
async function clientLane() {
  // Three servers on one PostgreSQL and one Redis behind haproxy, one killed and one
  // restarted under load (about a minute).
  const replicasMissing = [
    !databaseUrl && 'DATABASE_URL is not set',
    !process.env.REDIS_URL && 'REDIS_URL is not set',
    !HAPROXY && 'haproxy is not installed',
  ].filter(Boolean)
  if (replicasMissing.length === 0) {
    await suite(
      'several servers behind haproxy (node:test)',
      countNodeTest,
      ['--import', 'tsx', '--test', '--test-reporter=tap', 'test/replicas/replicas.test.mjs'],
      { command: process.execPath },
    )
  } else {
    skip('several servers behind haproxy (node:test)', replicasMissing.join('; '))
  }
  await suite('shared (vitest)', countVitest, ['vitest', 'run', '--root', 'shared'])
  await suite('miniapp (vitest)', countVitest, ['vitest', 'run', '--root', 'miniapp'])
  const weappBuilt = await check('weapp build + package size', [
    ['npm', ['run', 'build:weapp', '-w', 'miniapp']],
    ['node', ['scripts/check-weapp-size.mjs']],
  ])
  // The weapp build's pages run in a stand-in for WeChat: its own WXML compiler (wcc, shipped
  // for x86-64 Linux by miniprogram-compiler) and a logic layer with WeChat's globals only.
  const weappMissing = [
    !weappBuilt && 'the weapp build failed',
    !(process.platform === 'linux' && process.arch === 'x64') &&
      `WeChat's wcc runs on x86-64 Linux only, not ${process.platform}-${process.arch}`,
    !existsSync(`${root}/node_modules/miniprogram-compiler/bin/linux/wcc`) &&
      'miniprogram-compiler is not installed',
  ].filter(Boolean)
  if (weappMissing.length === 0) {
    await suite('WeChat build at run time (harness)', countVitest, [
      'vitest',
      'run',
      '--root',
      'test/weapp',
    ])
  } else {
    skip('WeChat build at run time (harness)', weappMissing.join('; '))
  }
  await check('H5 build', [
    [
      'node',
      [
        '-e',
        "import('./scripts/lib/h5-build.mjs').then((m) => m.ensureH5Build()).then((code) => { process.exitCode = code })",
      ],
    ],
  ])
  if (existsSync(chromium)) {
    await suite('end-to-end (playwright-core + Chromium)', countVitest, [
      'vitest',
      'run',
      '--root',
      'test',
    ])
  } else {
    skip('end-to-end (playwright-core + Chromium)', `no browser at ${chromium}`)
  }
}

// ── Last, by themselves: latency while the embedded database freezes every region, and
// during a large import. Timing tests, one after the other: side by side, each server had
// a core but its client and the other pair shared them, and on a slow day the freeze
// probe's p99 read 305 ms where alone it reads 30. About 30 and 15 s on a quiet machine.
await serverSuite(
  'server answers during the freeze and a 20,000-place import (tap, by themselves)',
  [bundled('test/freeze-latency.alone.ts'), bundled('test/places-import-latency.alone.ts')],
  envWithoutDatabase,
  { timeoutMs: 300_000, jobs: 1 },
)

summarize()

function summarize() {
  const total = { passed: 0, failed: 0, skipped: 0 }
  console.log('\n━━━ summary ━━━')
  for (const r of results) {
    for (const key of Object.keys(total)) total[key] += r[key]
    const state = r.failed ? 'FAIL' : r.skipped ? 'SKIP' : 'ok  '
    const note = r.note ? `  (${r.note})` : ''
    const cpu = r.cpu ? ` (${r.cpu.toFixed(0)} CPU-s)` : ''
    console.log(
      `${state} ${r.name.padEnd(42)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped  ${r.seconds.toFixed(1)} s${cpu}${note}`,
    )
  }
  const wall = (performance.now() - started) / 1000
  const busy = machineBusySeconds() - busyAtStart
  console.log(
    `wall time ${wall.toFixed(1)} s (${serial ? 'one step after another' : 'two lanes side by side'}); the machine was busy ${busy.toFixed(0)} CPU-s, ${(busy / wall).toFixed(2)} cores on average; checks count as one test each`,
  )
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
  process.exitCode = total.failed > 0 ? 1 : 0
}
