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
  const url = 'postgres://u@db.example:5432/djt'
  t.equal(loadConfig({ DATABASE_URL: url }).seedDemo, false)
  t.equal(loadConfig({ DATABASE_URL: url, SEED_DEMO: 'true' }).seedDemo, true)
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
