// Uploads a 1,000,000-row platform roster to a real server on a throwaway PostgreSQL
// database and reports the wall time and the server's peak memory.
// Targets: ≤ 60 s, peak RSS ≤ 300 MB. Needs PostgreSQL at BENCH_PG (default
// postgres://postgres@127.0.0.1:5432, trust auth, may create databases and extensions).
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { readFile, rm, stat } from 'node:fs/promises'
import { request } from 'node:http'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { root } from '../lib/h5-build.mjs'
import { createBenchDatabase } from './pg-bench.mjs'

const ROWS = 1_000_000
const TARGET_SECONDS = 60
const TARGET_RSS_MB = 300
const PASSWORD = 'Bench-register-2026!'
const counties = ['350102', '350103', '350104', '350105', '350203', '350206', '350303', '350404']
const platforms = ['美团', '饿了么', '朴朴', '达达']

const database = await createBenchDatabase('import')
const csvFile = path.join(os.tmpdir(), `djt-bench-roster-${process.pid}.csv`)
const env = {
  ...process.env,
  NODE_ENV: 'development',
  DATABASE_URL: database.url,
  FIELD_KEYS: `bench1:${randomBytes(32).toString('base64')}`,
  BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  WECHAT_MODE: 'dev',
  SEED_DEMO: 'false',
  LOG_LEVEL: 'warn',
  STAFF_PASSWORD: PASSWORD,
}
let server
try {
  await writeRoster(csvFile)
  const { size } = await stat(csvFile)
  console.log(`roster file: ${ROWS} rows, ${(size / 1024 / 1024).toFixed(1)} MB`)
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/src/cli/staff.ts',
      'create',
      '--username',
      'bench.province',
      '--name',
      '基准测试',
      '--level',
      'province',
      '--region',
      '350000',
    ],
    { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const port = await freePort()
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitReady(port)
  const token = await signIn(port)
  console.log(`server peak RSS before the upload: ${(await peakRssMb(server.pid)).toFixed(0)} MB`)
  const started = performance.now()
  const answer = await upload(port, token, csvFile)
  const seconds = (performance.now() - started) / 1000
  const peakMb = await peakRssMb(server.pid)
  const report = JSON.parse(answer.body)
  if (answer.status !== 201) throw new Error(`import answered ${answer.status}: ${answer.body}`)
  console.log(`rows accepted: ${report.rowsAccepted} of ${report.rowsRead}`)
  console.log(`import wall time: ${seconds.toFixed(1)} s (target ≤ ${TARGET_SECONDS} s)`)
  console.log(`server peak RSS: ${peakMb.toFixed(0)} MB (target ≤ ${TARGET_RSS_MB} MB)`)
  const missed = seconds > TARGET_SECONDS || peakMb > TARGET_RSS_MB || report.rowsAccepted !== ROWS
  if (missed) console.log('TARGET MISSED')
  process.exitCode = missed ? 1 : 0
} finally {
  server?.kill('SIGTERM')
  if (server) await new Promise((resolve) => server.once('exit', resolve))
  await rm(csvFile, { force: true })
  await database.drop()
}

async function writeRoster(file) {
  async function* rows() {
    yield '平台,骑手编号,姓名,手机号,是否党员,行政区划代码\n'
    for (let start = 0; start < ROWS; start += 10_000) {
      let chunk = ''
      for (let i = start; i < start + 10_000; i++) {
        const mobile = `13${String(i).padStart(9, '0')}`
        chunk += `${platforms[i % 4]},R${i},骑手${i},${mobile},${i % 3 ? '是' : '否'},${counties[i % 8]}\n`
      }
      yield chunk
    }
  }
  await pipeline(Readable.from(rows()), createWriteStream(file))
}

async function upload(port, token, file) {
  const boundary = `bench-${randomUUID()}`
  async function* body() {
    yield `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\n\r\n`
    yield* createReadStream(file)
    yield `\r\n--${boundary}--\r\n`
  }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/registers/platform_roster/imports',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      },
      async (res) => {
        let text = ''
        for await (const chunk of res) text += chunk
        resolve({ status: res.statusCode, body: text })
      },
    )
    req.on('error', reject)
    Readable.from(body()).pipe(req)
  })
}

async function signIn(port) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.province', password: PASSWORD }),
  })
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  return (await res.json()).accessToken
}

/** VmHWM: the most resident memory the process ever had. */
async function peakRssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN)
  return kb / 1024
}

async function waitReady(port) {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not become ready')
}

async function freePort() {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}
