import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { Readable } from 'node:stream'
import Fastify from 'fastify'
import t from 'tap'
import app from '../src/app.ts'
import type { Config } from '../src/config.ts'
import { openDatabase } from '../src/db/open.ts'
import { createStaff } from '../src/staff/staff.service.ts'
import { STRONG_PASSWORD } from './fixtures/accounts.ts'
import { compiledEntry } from './fixtures/compiled-server.ts'
import { TEST_FIELD_KEYS_ENV } from './fixtures/keys.ts'
import { freshConfig } from './helper.ts'

// The compiled server, as production runs it (and a third of the start-up CPU of tsx).
const serverEntry = await compiledEntry('server')
const ROWS = 300_000

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** The county account the upload uses, created before the server starts (PGlite: one process). */
async function prepareDatabase(config: Config): Promise<void> {
  // As serverOptions does: opening PGlite on a busy machine can take longer than 10 s.
  const setup = Fastify({ pluginTimeout: 120_000 })
  await setup.register(app, { config })
  await createStaff(setup.db, null, {
    username: 'county.crash',
    displayName: '崩溃测试',
    password: STRONG_PASSWORD,
    level: 'county',
    regionCode: '350102',
  })
  await setup.close()
}

function startServer(config: Config, port: number) {
  const child: ChildProcess = spawn(process.execPath, [serverEntry], {
    env: {
      ...process.env,
      ...TEST_FIELD_KEYS_ENV,
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      WECHAT_MODE: 'dev',
      PORT: String(port),
      DATA_DIR: config.dataDir,
      DATABASE_URL: config.DATABASE_URL ?? '',
      DATABASE_SCHEMA: config.DATABASE_SCHEMA,
      REDIS_URL: '',
      // A busy test machine must not turn the upload into a 503 before the import starts.
      PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
      // Freezing 3 348 regions holds PGlite's one session for a minute or more: the import
      // would wait behind it whenever it starts later than the freeze (2 s after ready).
      LEDGER_FREEZE: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const waiters: { pattern: RegExp; resolve: () => void }[] = []
  const onData = (chunk: Buffer) => {
    output += chunk
    for (const waiter of waiters) if (waiter.pattern.test(output)) waiter.resolve()
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exited = new Promise<unknown>((resolve) => child.on('exit', resolve))
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      waiters.push({ pattern, resolve })
      exited.then(() => reject(new Error(`server exited before ${pattern}:\n${output}`)))
    })
  return { child, exited, waitFor }
}

/** A multipart upload of a large roster, generated while it is sent. */
async function* rosterUpload(boundary: string) {
  yield `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\n\r\n`
  yield '平台,骑手编号,姓名,手机号,是否党员,行政区划代码\n'
  for (let start = 0; start < ROWS; start += 1000) {
    let chunk = ''
    for (let i = start; i < start + 1000; i++)
      chunk += `美团,R${i},骑手${i},138${String(i).padStart(8, '0')},是,350102\n`
    yield chunk
  }
  yield `\r\n--${boundary}--\r\n`
}

t.test('a killed import leaves no register rows and no import row', async (t) => {
  const config = await freshConfig(t)
  await prepareDatabase(config)
  const port = await freePort()
  const server = startServer(config, port)
  t.teardown(() => server.child.kill('SIGKILL'))
  await server.waitFor(/"msg":"ready"/)
  const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'county.crash', password: STRONG_PASSWORD }),
  })
  const { accessToken } = (await signIn.json()) as { accessToken: string }

  const boundary = `crash-${randomUUID()}`
  const upload = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/v1/registers/platform_roster/imports',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  })
  const answered = new Promise<string>((resolve) => {
    upload.on('response', (res) => resolve(`answered ${res.statusCode}`))
    upload.on('error', (error) => resolve(error.message))
  })
  Readable.from(rosterUpload(boundary)).pipe(upload)

  // The import under way; an upload answered first (refused, or done) would never get there.
  const early = answered.then((outcome) => {
    throw new Error(`the upload ended before the import was under way: ${outcome}`)
  })
  await Promise.race([server.waitFor(/"msg":"register import progress"/), early])
  early.catch(() => {})
  server.child.kill('SIGKILL')
  await server.exited
  t.notMatch(await answered, /^answered/, 'the upload got no answer')

  const handle = await openDatabase(config)
  t.teardown(() => handle.close())
  const count = async (table: 'register_platform_roster' | 'register_imports') =>
    (
      await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  t.equal(Number(await count('register_platform_roster')), 0, 'no register rows')
  t.equal(Number(await count('register_imports')), 0, 'no import row')
})
