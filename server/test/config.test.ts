import t from 'tap'
import { ConfigError, loadConfig } from '../src/config.ts'

t.test('defaults: port 3000, embedded database in ./data, demo seed on', async (t) => {
  const config = loadConfig({}, '/srv/app')
  t.equal(config.PORT, 3000)
  t.equal(config.dataDir, '/srv/app/data')
  t.equal(config.DATABASE_URL, undefined)
  t.equal(config.seedDemo, true)
  t.equal(config.NODE_ENV, 'development')
})

t.test('a real database turns the demo seed off unless asked for', async (t) => {
  const env = {
    DATABASE_URL: 'postgres://u@db.example:5432/djt',
    WECHAT_APPID: 'wx1',
    WECHAT_SECRET: 's',
  }
  t.equal(loadConfig(env).seedDemo, false)
  t.equal(loadConfig({ ...env, SEED_DEMO: 'true' }).seedDemo, true)
  t.equal(loadConfig(env).WECHAT_MODE, 'live', 'a real database means real WeChat')
})

t.test('each bad variable is named in one clear message', async (t) => {
  const cases: [NodeJS.ProcessEnv, RegExp][] = [
    [{ PORT: 'abc' }, /PORT="abc" is invalid/],
    [{ PORT: '70000' }, /PORT="70000" is invalid: must be 0–65535/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL=".*" is invalid: must be a postgres/],
    [{ NODE_ENV: 'prod' }, /NODE_ENV="prod" is invalid/],
    [{ DATABASE_SCHEMA: 'Robert; drop' }, /DATABASE_SCHEMA=.* is invalid/],
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), { name: 'ConfigError', message }, JSON.stringify(env))
  }
  t.throws(() => loadConfig({ PORT: 'x' }), ConfigError)
})

t.test('blank values count as unset', async (t) => {
  t.equal(loadConfig({ PORT: '', DATABASE_URL: ' ' }).PORT, 3000)
})

t.test('WeChat dev mode is the embedded default and refused in production', async (t) => {
  t.equal(loadConfig({}).WECHAT_MODE, 'dev')
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }
  t.throws(() => loadConfig({ ...production, WECHAT_MODE: 'dev' }), {
    name: 'ConfigError',
    message: /WECHAT_MODE="dev" is refused when NODE_ENV=production/,
  })
  t.throws(() => loadConfig({ ...production, WECHAT_APPID: 'wx1' }), {
    message: /WECHAT_APPID and WECHAT_SECRET are required/,
  })
  const live = loadConfig({ ...production, WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' })
  t.equal(live.WECHAT_MODE, 'live')
  t.equal(live.STAFF_MFA, 'required', 'production requires the second factor by default')
})

t.test('production needs a JWT secret; audit retention never under 180 days', async (t) => {
  t.throws(() => loadConfig({ NODE_ENV: 'production', WECHAT_APPID: 'a', WECHAT_SECRET: 'b' }), {
    message: /JWT_SECRET is required/,
  })
  t.throws(() => loadConfig({ JWT_SECRET: 'short' }), {
    message: /JWT_SECRET=.* is invalid: must be at least 32/,
  })
  t.throws(() => loadConfig({ AUDIT_RETENTION_DAYS: '90' }), {
    message: /AUDIT_RETENTION_DAYS="90" is invalid: must be at least 180/,
  })
  t.equal(loadConfig({}).AUDIT_RETENTION_DAYS, 365)
})
