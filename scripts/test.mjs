// `npm test`: lint, typecheck, every suite, the builds, the WeChat build run in a stand-in
// for WeChat and the end-to-end test, then one summary. Under CI=true a suite that cannot
// run (no database, no browser) fails.
import { existsSync, readFileSync } from 'node:fs'
import { countNodeTest, countTap, countVitest } from './lib/counts.mjs'
import { ensureH5Build, root } from './lib/h5-build.mjs'
import { HAPROXY } from './lib/replicas/cluster.mjs'
import { run, runCaptured, runSideBySide } from './lib/run.mjs'
import { PGLITE_TOO, pgliteTooFiles } from './lib/server-files.mjs'
import { bundled, bundleServerTests } from './lib/server-test-bundles.mjs'
import { runTapFiles } from './lib/tap-files.mjs'

const ci = process.env.CI === 'true'
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const { DATABASE_URL: databaseUrl, ...envWithoutDatabase } = process.env
const results = []
const started = performance.now()

/** A step that is one check (lint, a build): counts as one passed or failed. */
async function check(name, action) {
  banner(name)
  const t0 = performance.now()
  const cpu0 = childCpuSeconds()
  const busy0 = machineBusySeconds()
  const code = await action()
  record(
    name,
    code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 },
    t0,
    cpu0,
    busy0,
  )
  return code === 0
}

/** A test suite: its own runner's counts, and a failure if it exits non-zero anyway. */
async function suite(name, counter, args, { env = process.env, cwd = root, command = 'npx' } = {}) {
  banner(name)
  const t0 = performance.now()
  const cpu0 = childCpuSeconds()
  const busy0 = machineBusySeconds()
  const { code, output } = await runCaptured(command, args, { cwd, env })
  const counts = counter(output) ?? { passed: 0, failed: 0, skipped: 0 }
  if (code !== 0 && counts.failed === 0) counts.failed = 1 // crashed, or failed outside a test
  if (code === 0 && counts.passed === 0) counts.failed += 1 // ran no test: that is a failure here
  record(name, counts, t0, cpu0, busy0)
}

/** Server test files, bundled, run two at a time with plain node (scripts/lib/tap-files.mjs). */
async function serverSuite(name, files, env, { timeoutMs = 120_000 } = {}) {
  banner(name)
  const t0 = performance.now()
  const cpu0 = childCpuSeconds()
  const busy0 = machineBusySeconds()
  const { code, output } = await runTapFiles(files, {
    cwd: server,
    env: { ...env, DJT_TEST_BUNDLED: '1' },
    timeoutMs,
  })
  const counts = countTap(output) ?? { passed: 0, failed: 1, skipped: 0 }
  if (code !== 0 && counts.failed === 0) counts.failed = 1
  if (code === 0 && counts.passed === 0) counts.failed += 1
  record(name, counts, t0, cpu0, busy0)
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

function record(name, counts, t0, cpu0, busy0) {
  results.push({
    name,
    ...counts,
    seconds: (performance.now() - t0) / 1000,
    cpu: cpu0 === undefined ? undefined : childCpuSeconds() - cpu0,
    busy: busy0 === undefined ? undefined : machineBusySeconds() - busy0,
  })
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

function banner(name) {
  console.log(`\n━━━ ${name} ━━━`)
}

await check('lint + format (biome) + house rules', async () => {
  const code = await run('npx', ['biome', 'check', '.'], { cwd: root })
  return code === 0 ? run('node', ['scripts/check-house-rules.mjs'], { cwd: root }) : code
})
// tsc checks on one core: two projects at a time.
await check('typecheck (tsc)', () =>
  runSideBySide(
    ['server', 'miniapp', 'test', 'shared'].map((project) => ({
      command: 'npx',
      args: ['tsc', '-p', `${project}/tsconfig.json`],
      options: { cwd: root },
    })),
  ),
)
await suite('shared (vitest)', countVitest, ['vitest', 'run', '--root', 'shared'])
await suite('miniapp (vitest)', countVitest, ['vitest', 'run', '--root', 'miniapp'])
// The server's tap test files, once per database driver: bundled ahead and run with plain
// node (scripts/lib/server-test-bundles.mjs and tap-files.mjs say why), from server/.
const server = `${root}/server`
const serverBundles = await bundleServerTests()
// PGlite's initdb takes seconds: tests copy prepared data folders, made once here.
await run('node', ['--import', 'tsx', 'test/fixtures/before.ts'], {
  cwd: server,
  env: envWithoutDatabase,
})
// Every file on PostgreSQL when there is one, and on PGlite those that exercise what differs
// between the drivers (scripts/lib/server-files.mjs says which and why); every file on
// PGlite when there is none, or on both with SERVER_FILES_ON_BOTH=all.
const everyFileOnBoth = process.env.SERVER_FILES_ON_BOTH === 'all'
if (databaseUrl) {
  await run('node', ['--import', 'tsx', 'test/fixtures/before.ts'], { cwd: server })
  await serverSuite('server on PostgreSQL (tap, every file)', serverBundles, process.env)
  await run('node', ['--import', 'tsx', 'test/fixtures/after.ts'], { cwd: server })
  const files = everyFileOnBoth ? serverBundles : pgliteTooFiles().map(bundled)
  await serverSuite(
    `server on PGlite (tap, ${everyFileOnBoth ? 'every file' : `${PGLITE_TOO.length} files`})`,
    files,
    envWithoutDatabase,
  )
} else {
  await serverSuite('server on PGlite (tap, every file)', serverBundles, envWithoutDatabase)
  skip('server on PostgreSQL (tap)', 'DATABASE_URL is not set')
}
// Latency while the embedded database freezes every region: a timing test, so it runs on
// its own, not beside the other test files tap runs two at a time. The two timing probes
// take about 40 and 20 s on a quiet machine; a busy one may triple that.
const alone = { timeoutMs: 300_000 }
await serverSuite(
  'server answers during the freeze (tap, alone)',
  [bundled('test/freeze-latency.alone.ts')],
  envWithoutDatabase,
  alone,
)
await serverSuite(
  'server answers during a 20,000-place import (tap, alone)',
  [bundled('test/places-import-latency.alone.ts')],
  envWithoutDatabase,
  alone,
)
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
const weappBuilt = await check('weapp build + package size', async () => {
  const code = await run('npm', ['run', 'build:weapp', '-w', 'miniapp'], { cwd: root })
  return code === 0 ? run('node', ['scripts/check-weapp-size.mjs'], { cwd: root }) : code
})
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
await check('H5 build', () => ensureH5Build())
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

summarize()

function summarize() {
  const total = { passed: 0, failed: 0, skipped: 0 }
  console.log('\n━━━ summary ━━━')
  for (const r of results) {
    for (const key of Object.keys(total)) total[key] += r[key]
    const state = r.failed ? 'FAIL' : r.skipped ? 'SKIP' : 'ok  '
    const note = r.note ? `  (${r.note})` : ''
    const cpu = r.cpu
      ? ` (${r.cpu.toFixed(0)} CPU-s; machine ${(r.busy / r.seconds).toFixed(1)} cores busy)`
      : ''
    console.log(
      `${state} ${r.name.padEnd(42)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped  ${r.seconds.toFixed(1)} s${cpu}${note}`,
    )
  }
  console.log(
    `wall time ${((performance.now() - started) / 1000).toFixed(1)} s; checks count as one test each`,
  )
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
  process.exitCode = total.failed > 0 ? 1 : 0
}
