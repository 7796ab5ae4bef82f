// `npm test` runs the server's bundled test files itself, each with plain `node`, two at a
// time, instead of through tap's runner. A tap test file is a program that prints TAP and
// exits non-zero when a test fails, so nothing about a test changes. What changes is what
// loads before it: tap's runner starts every test file, and every process that file
// starts, with two ESM loader hooks of its own (@tapjs/processinfo, for coverage and
// `--changed`, and @tapjs/mock), which Node 20 runs on a second thread, one round trip per
// import; measured, that is about 1.2 s of CPU per test file before it runs a test, plus
// the runner's own start (about 4 s). We use neither coverage, `--changed` nor mocks.
// `npx tap test/x.test.ts` still runs one file the usual way.
import { spawn } from 'node:child_process'

/** The closing count line a tap test file prints, e.g. `# { total: 9, pass: 8, fail: 1 }`. */
const COUNTS = /^# \{ (total: \d+[^}]*) \}$/gm

function countsOf(output) {
  const line = [...output.matchAll(COUNTS)].at(-1)?.[1]
  if (!line) return undefined
  const get = (name) => Number(new RegExp(`${name}: (\\d+)`).exec(line)?.[1] ?? 0)
  return {
    total: get('total'),
    pass: get('pass'),
    fail: get('fail'),
    skip: get('skip') + get('todo'),
  }
}

/** The process groups of the files running now, stopped if this runner is. */
const live = new Set()
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    for (const group of live) group('SIGKILL')
    process.exit(130)
  })

function runFile(file, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const t0 = performance.now()
    // tap's own limit, as its runner passes it (else 30 s); ours only backs it up. Each file
    // leads its own process group, so a server it started and left behind goes with it.
    const child = spawn(process.execPath, ['--enable-source-maps', file], {
      cwd,
      env: { ...env, TAP_TIMEOUT: String(timeoutMs / 1000) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    const group = (signal) => {
      try {
        if (child.pid) process.kill(-child.pid, signal)
      } catch {
        // Gone already.
      }
    }
    live.add(group)
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      group('SIGTERM')
      setTimeout(() => group('SIGKILL'), 5000).unref()
    }, timeoutMs + 10_000)
    child.on('error', (error) => (output += `\n${error}`))
    // Done when the pipes close; or, if a process left behind holds them, soon after the
    // exit (its group is stopped then, so they close).
    let exit = { code: 1, signal: null }
    let done = false
    const finish = () => {
      if (done) return
      done = true
      clearTimeout(timer)
      live.delete(group)
      resolve({
        file,
        code: exit.code ?? (exit.signal ? 128 : 1),
        timedOut,
        output,
        seconds: (performance.now() - t0) / 1000,
      })
    }
    child.on('exit', (code, signal) => {
      exit = { code, signal }
      group('SIGKILL')
      setTimeout(finish, 2000)
    })
    child.on('close', finish)
  })
}

/**
 * Runs tap test files `jobs` at a time, each killed after `timeoutMs` (tap's per-file
 * limit, `timeout` in server/.taprc). Prints a line per file, and a failed file's whole
 * output; resolves to an exit code and a closing count line in tap's own format.
 */
export async function runTapFiles(files, { cwd, env, jobs = 2, timeoutMs = 120_000 }) {
  const queue = [...files]
  const done = []
  const lane = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const result = await runFile(file, { cwd, env, timeoutMs })
      const counts = countsOf(result.output)
      const why = result.timedOut
        ? `killed ${timeoutMs / 1000 + 10} s in, past tap's own limit`
        : !counts
          ? `exit ${result.code}, no closing count: crashed, or ran no test`
          : counts.fail > 0
            ? `${counts.fail} failed`
            : result.code !== 0
              ? `exit ${result.code} after its tests passed`
              : ''
      done.push({ ...result, counts, failed: why !== '' })
      const time = `${result.seconds.toFixed(1).padStart(6)} s`
      if (why) process.stdout.write(`\n${result.output}\nnot ok ${time}  ${file}  (${why})\n`)
      else process.stdout.write(`ok     ${time}  ${file}  ${counts.total} tests\n`)
    }
  }
  await Promise.all(Array.from({ length: jobs }, lane))
  const total = { total: 0, pass: 0, fail: 0, skip: 0 }
  for (const { counts, failed } of done) {
    for (const key of Object.keys(total)) total[key] += counts?.[key] ?? 0
    // A file that failed outside any test still fails the run.
    if (failed && !counts?.fail) total.fail += 1
  }
  const slowest = [...done].sort((a, b) => b.seconds - a.seconds).slice(0, 5)
  const summary = [
    `slowest files: ${slowest.map((r) => `${r.file.replace(/.*\//, '')} ${r.seconds.toFixed(1)} s`).join(', ')} (limit ${timeoutMs / 1000} s)`,
    `# { total: ${total.total}, pass: ${total.pass}, fail: ${total.fail}, skip: ${total.skip} }`,
  ].join('\n')
  process.stdout.write(`${summary}\n`)
  return { code: total.fail > 0 ? 1 : 0, output: summary }
}
