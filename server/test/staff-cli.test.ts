import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import type { Config } from '../src/config.ts'
import { buildAppWith, freshConfig } from './helper.ts'

const cli = fileURLToPath(new URL('../src/cli/staff.ts', import.meta.url))

function runCli(config: Config, args: string[], password: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: {
      ...process.env,
      DATA_DIR: config.dataDir,
      DATABASE_URL: config.DATABASE_URL ?? '',
      DATABASE_SCHEMA: config.DATABASE_SCHEMA,
      SEED_DEMO: 'false',
      WECHAT_MODE: 'dev',
      STAFF_PASSWORD: password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  )
}

const create = [
  'create',
  '--username',
  'fj.admin',
  '--name',
  '张三',
  '--level',
  'province',
  '--region',
  '350000',
]

t.test('npm run staff -- create bootstraps a province account that can sign in', async (t) => {
  const config = await freshConfig(t)
  const done = await runCli(config, create, 'Lantern-river-2026!')
  t.equal(done.code, 0, done.output)
  t.match(done.output, /created staff account fj\.admin \(province, 350000\)/)
  const app = await buildAppWith(t, config)
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    payload: { username: 'fj.admin', password: 'Lantern-river-2026!' },
  })
  t.equal(res.statusCode, 200)
  t.equal(res.json().user.staff.region.name, '福建省')
  const audit = await app.inject({
    url: '/api/v1/audit',
    headers: { authorization: `Bearer ${res.json().accessToken}` },
  })
  const actions = audit.json().items.map((item: { action: string }) => item.action)
  t.ok(actions.includes('staff.create'), 'the CLI creation shows in the province audit log')
})

t.test('the CLI refuses a weak password and bad arguments, in one clear message', async (t) => {
  const config = await freshConfig(t)
  const weak = await runCli(config, create, 'password')
  t.equal(weak.code, 1)
  t.match(weak.output, /密码/)
  const bad = await runCli(
    config,
    ['create', '--username', 'x', '--level', 'emperor'],
    'Lantern-river-2026!',
  )
  t.equal(bad.code, 1)
  t.match(bad.output, /level/)
})
