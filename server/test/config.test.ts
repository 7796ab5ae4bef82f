import t from 'tap'
import { ConfigError, loadConfig } from '../src/config.ts'
import { TEST_FIELD_KEYS_ENV, TEST_KEYS } from './fixtures/keys.ts'

const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(32),
  PUBLIC_BASE_URL: 'https://djt.example.gov.cn',
  WECHAT_PUSH_TOKEN: 'pushToken2026',
  ...TEST_FIELD_KEYS_ENV,
}

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
    [{ REDIS_URL: 'localhost:6379' }, /^[^;]*REDIS_URL=\(hidden\) is invalid: must be a redis:/],
    [{ REDIS_URL: 'redis://:pw@cache/zero' }, /REDIS_URL=\(hidden\) is invalid: the path must/],
    [{ REDIS_KEY_PREFIX: 'a b' }, /REDIS_KEY_PREFIX="a b" is invalid/],
    [{ SHUTDOWN_DRAIN_SECONDS: '90' }, /SHUTDOWN_DRAIN_SECONDS="90" is invalid: must be 0–60/],
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), { name: 'ConfigError', message }, JSON.stringify(env))
  }
  t.throws(() => loadConfig({ PORT: 'x' }), ConfigError)
})

t.test(
  'Redis: unset keeps state in the process; a URL (with its password) is never echoed',
  async (t) => {
    t.equal(loadConfig({}).REDIS_URL, undefined)
    t.equal(loadConfig({}).REDIS_KEY_PREFIX, 'djt:')
    t.equal(
      loadConfig({ REDIS_URL: 'rediss://:pw@cache:6380/3' }).REDIS_URL,
      'rediss://:pw@cache:6380/3',
    )
    t.throws(() => loadConfig({ REDIS_URL: 'http://:secret-pw@cache' }), {
      message:
        /^Invalid configuration: REDIS_URL=\(hidden\) is invalid: must be a redis:\/\/ or rediss:\/\/ URL$/,
    })
  },
)

t.test('blank values count as unset', async (t) => {
  t.equal(loadConfig({ PORT: '', DATABASE_URL: ' ' }).PORT, 3000)
})

t.test('WeChat dev mode is the embedded default and refused in production', async (t) => {
  t.equal(loadConfig({}).WECHAT_MODE, 'dev')
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

t.test(
  'production with live WeChat needs the push token, or no photo is ever checked',
  async (t) => {
    const wechat = { WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }
    t.throws(() => loadConfig({ ...production, ...wechat, WECHAT_PUSH_TOKEN: '' }), {
      message: /WECHAT_PUSH_TOKEN is required when NODE_ENV=production \(photo checks\)/,
    })
    t.throws(() => loadConfig({ ...production, ...wechat, WECHAT_PUSH_AES_KEY: 'short' }), {
      message: /WECHAT_PUSH_AES_KEY=\(hidden\) is invalid: must be the 43-character EncodingAESKey/,
    })
    t.equal(loadConfig({ ...production, ...wechat }).WECHAT_PUSH_TOKEN, 'pushToken2026')
  },
)

t.test('a password hash cost below 15 is for tests: refused in production', async (t) => {
  const wechat = { WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }
  t.equal(loadConfig({}).PASSWORD_HASH_COST, 15)
  t.equal(loadConfig({ PASSWORD_HASH_COST: '10' }).PASSWORD_HASH_COST, 10)
  t.throws(() => loadConfig({ ...production, ...wechat, PASSWORD_HASH_COST: '12' }), {
    message: /PASSWORD_HASH_COST below 15 is refused when NODE_ENV=production/,
  })
  t.throws(() => loadConfig({ PASSWORD_HASH_COST: '9' }), {
    message: /PASSWORD_HASH_COST="9" is invalid: must be 10–20/,
  })
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

t.test('production refuses to start without field-encryption keys', async (t) => {
  const wechat = { WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }
  t.ok(loadConfig({ ...production, ...wechat }).FIELD_KEYS?.has('test1'))
  t.throws(() => loadConfig({ ...production, ...wechat, FIELD_KEYS: '', BLIND_INDEX_KEY: '' }), {
    name: 'ConfigError',
    message:
      /FIELD_KEYS is required when NODE_ENV=production; BLIND_INDEX_KEY is required when NODE_ENV=production/,
  })
  t.throws(() => loadConfig({ ...production, ...wechat, BLIND_INDEX_KEY: '' }), {
    message: /BLIND_INDEX_KEY is required when NODE_ENV=production/,
  })
  const dev = loadConfig({})
  t.equal(dev.FIELD_KEYS, undefined, 'outside production unset keys mean the dev key file')
  t.equal(dev.FIELD_CIPHER, 'aes-256-gcm')
  t.throws(() => loadConfig({ FIELD_KEYS: TEST_FIELD_KEYS_ENV.FIELD_KEYS }), {
    message: /FIELD_KEYS and BLIND_INDEX_KEY are set together/,
  })
})

t.test('a bad FIELD_KEYS or BLIND_INDEX_KEY is named, without echoing the key', async (t) => {
  const k1 = TEST_KEYS.test1.toString('base64')
  const cases: [string, RegExp][] = [
    ['nocolon', /entry 1: must be keyId:base64key/],
    [`K1:${k1}`, /entry 1: key id "K1" must be 1–16 of a-z 0-9 _ -/],
    [`k1:${k1},k2:${TEST_KEYS.test2.toString('hex')}`, /entry 2: key "k2" must be base64 of 32/],
    [`k1:${k1}, k1:${k1}`, /entry 2: key id "k1" is listed twice/],
    [`k1:${k1.slice(0, 20)}`, /entry 1: key "k1" must be base64 of 32 bytes/],
  ]
  for (const [FIELD_KEYS, message] of cases) {
    const env = { ...TEST_FIELD_KEYS_ENV, FIELD_KEYS }
    t.throws(() => loadConfig(env), { name: 'ConfigError', message }, String(message))
    t.throws(() => loadConfig(env), { message: /FIELD_KEYS=\(hidden\) is invalid/ })
  }
  t.throws(() => loadConfig({ ...TEST_FIELD_KEYS_ENV, BLIND_INDEX_KEY: 'c2hvcnQ=' }), {
    message: /BLIND_INDEX_KEY=\(hidden\) is invalid: must be base64 of 32 bytes/,
  })
  t.throws(() => loadConfig({ FIELD_CIPHER: 'des' }), { message: /FIELD_CIPHER="des" is invalid/ })
})

t.test('FIELD_KEY_ACTIVE defaults to the last key and must be one of them', async (t) => {
  const FIELD_KEYS = ['test1', 'test2'].map((id) => `${id}:${TEST_KEYS.test1.toString('base64')}`)
  const env = { ...TEST_FIELD_KEYS_ENV, FIELD_KEYS: FIELD_KEYS.join(',') }
  t.equal(loadConfig(env).FIELD_KEY_ACTIVE, 'test2')
  t.equal(loadConfig({ ...env, FIELD_KEY_ACTIVE: 'test1' }).FIELD_KEY_ACTIVE, 'test1')
  t.throws(() => loadConfig({ ...env, FIELD_KEY_ACTIVE: 'test3' }), {
    name: 'ConfigError',
    message:
      /FIELD_KEY_ACTIVE="test3" is invalid: must be one of the ids in FIELD_KEYS \(test1, test2\)/,
  })
  t.throws(() => loadConfig({ FIELD_KEY_ACTIVE: 'dev1' }), {
    message: /FIELD_KEY_ACTIVE="dev1" is invalid: .*\(none\)/,
  })
})

t.test('production needs the public address plaques point at', async (t) => {
  const wechat = { WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }
  t.throws(() => loadConfig({ ...production, ...wechat, PUBLIC_BASE_URL: '' }), {
    message: /PUBLIC_BASE_URL is required when NODE_ENV=production/,
  })
  t.equal(
    loadConfig({ ...production, ...wechat, PUBLIC_BASE_URL: 'https://djt.example.gov.cn/' })
      .PUBLIC_BASE_URL,
    'https://djt.example.gov.cn',
  )
  t.equal(loadConfig({ PORT: '8080' }).PUBLIC_BASE_URL, 'http://localhost:8080')
})

t.test('the period-end ledger freeze: on by default, checked every 10 minutes', async (t) => {
  t.match(loadConfig({}), { LEDGER_FREEZE: 'auto', LEDGER_FREEZE_CHECK_MINUTES: 10 })
  t.equal(loadConfig({ LEDGER_FREEZE: 'off' }).LEDGER_FREEZE, 'off')
  t.throws(() => loadConfig({ LEDGER_FREEZE: 'no' }), {
    message: /LEDGER_FREEZE="no" is invalid: must be auto or off/,
  })
  t.throws(() => loadConfig({ LEDGER_FREEZE_CHECK_MINUTES: '0' }), {
    message: /LEDGER_FREEZE_CHECK_MINUTES="0" is invalid: must be 1–1440/,
  })
})

t.test('load shedding and metrics: validated, the token never echoed', async (t) => {
  const config = loadConfig({})
  t.equal(config.PRESSURE_MAX_EVENT_LOOP_DELAY_MS, 1000)
  t.equal(config.PRESSURE_RETRY_AFTER_SECONDS, 10)
  t.equal(config.METRICS_TOKEN, undefined, 'no token: /metrics is not served')
  t.equal(loadConfig({ PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0' }).PRESSURE_MAX_EVENT_LOOP_DELAY_MS, 0)
  t.throws(() => loadConfig({ PRESSURE_MAX_EVENT_LOOP_DELAY_MS: 'soon' }), {
    message: /PRESSURE_MAX_EVENT_LOOP_DELAY_MS="soon" is invalid: must be a number/,
  })
  t.throws(() => loadConfig({ PRESSURE_RETRY_AFTER_SECONDS: '0' }), {
    message: /PRESSURE_RETRY_AFTER_SECONDS="0" is invalid: must be 1–3600/,
  })
  t.throws(() => loadConfig({ METRICS_TOKEN: 'short-secret' }), {
    message: /METRICS_TOKEN=\(hidden\) is invalid: must be at least 16 characters/,
  })
})
