import Fastify from 'fastify'
import appPlugin, { serverOptions } from '../../server/src/app.ts'
import { loadConfig } from '../../server/src/config.ts'
const name = process.argv[2]
const config = loadConfig({ DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`, WECHAT_MODE: 'dev', SEED_DEMO: 'false', LOG_LEVEL: 'warn', STAFF_MFA: 'optional', LEDGER_FREEZE: 'off', PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0' })
const app = Fastify(serverOptions(config))
await app.register(appPlugin, { config })
await app.ready()
const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username: 'bench.county', password: 'Bench-ledger-2026!' } })
const auth = { authorization: `Bearer ${signIn.json().accessToken}` }
const T = []
for (let i = 0; i < 300; i++) {
  const t0 = performance.now()
  const r = await app.inject({ url: '/api/v1/ledgers?region=350102', headers: auth })
  if (r.statusCode !== 200) throw new Error(r.body)
  if (i >= 50) T.push(performance.now() - t0)
}
T.sort((a, b) => a - b)
console.log('inject p50', T[125].toFixed(2), 'p99', T[247].toFixed(2))
await app.close()
