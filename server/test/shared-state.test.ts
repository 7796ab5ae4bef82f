import { setTimeout as sleep } from 'node:timers/promises'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import app, { serverOptions } from '../src/app.ts'
import type { Config } from '../src/config.ts'
import { connectRedis, firstContact } from '../src/shared-state/redis-client.ts'
import { createAccessToken } from '../src/wechat/access-token.ts'
import { signInStaff } from './fixtures/accounts.ts'
import { startFakeWechat } from './fixtures/fake-wechat.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import { TINY_PNG } from './fixtures/pledges.ts'
import { closedPort, ownPrefix, ownRedisServer, REDIS_URL, redisTest } from './fixtures/redis.ts'
import { buildAppWith, buildTestApp, freshConfig } from './helper.ts'

const GUESSER = '203.0.113.50'
const unknownCode = (n: number) => `cZZZZZZZZZ${String(n).padStart(2, '0')}`
const lookUp = (server: FastifyInstance, n: number, ip = GUESSER) =>
  server.inject({ url: `/api/v1/public/pledges/${unknownCode(n)}`, remoteAddress: ip })
const staffSignIn = (server: FastifyInstance, password = 'wrong-password-1', username = 'nobody') =>
  server.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    remoteAddress: GUESSER,
    payload: { username, password },
  })
const statuses = (answers: { statusCode: number }[]) =>
  answers.map((answer) => answer.statusCode).sort((a, b) => a - b)

/** Two servers of one deployment: the same Redis and key prefix, each its own database. */
async function twoServers(t: Test, env: Record<string, string>) {
  const shared = { REDIS_URL: REDIS_URL ?? '', REDIS_KEY_PREFIX: ownPrefix(t), ...env }
  return [await buildTestApp(t, shared), await buildTestApp(t, shared)] as const
}

/** The app with its log lines kept, to count what an outage writes. */
async function appWithLog(t: Test, config: Config) {
  const lines: string[] = []
  const server = Fastify({
    ...serverOptions(config),
    logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
  })
  await server.register(app, { config })
  t.teardown(() => server.close())
  const count = (text: string) => lines.filter((line) => line.includes(text)).length
  return { server, count }
}

redisTest('two servers share the staff sign-in limit: exactly N attempts per IP', async (t) => {
  const [a, b] = await twoServers(t, { STAFF_SIGN_IN_PER_IP_PER_MINUTE: '3' })
  const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => staffSignIn(i % 2 ? a : b)))
  t.same(statuses(answers), [401, 401, 401, 429, 429, 429, 429, 429])
})

redisTest('two servers count unknown plaque codes together', async (t) => {
  const [a, b] = await twoServers(t, { PUBLIC_UNKNOWN_CODES_PER_IP: '4' })
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => lookUp(i % 2 ? a : b, i)))
  t.same(statuses(answers), [404, 404, 404, 404, 429, 429, 429, 429, 429, 429])
  t.equal((await lookUp(a, 99, '198.51.100.9')).statusCode, 404, 'another visitor is not stopped')
})

redisTest('Redis down at start: public reads answer, sign-in and uploads get 503', async (t) => {
  const config = await freshConfig(t, {
    REDIS_URL: `redis://127.0.0.1:${await closedPort()}/0`,
    PUBLIC_UNKNOWN_CODES_PER_IP: '2',
  })
  const started = performance.now()
  const { server, count } = await appWithLog(t, config)
  await server.ready()
  t.ok(performance.now() - started < 10_000, 'the start does not wait on Redis')

  t.same(statuses([await lookUp(server, 1), await lookUp(server, 2)]), [404, 404], 'fail open')
  t.equal((await lookUp(server, 3)).statusCode, 429, 'each server still counts its own guesses')
  const nearby = await server.inject('/api/v1/places/nearby?lat=26.0865&lng=119.2965')
  t.equal(nearby.statusCode, 200)

  const signIn = await staffSignIn(server)
  t.equal(signIn.statusCode, 503, 'staff sign-in fails closed')
  t.match(signIn.json().error, { code: 'limits_unavailable', message: /暂不可用/ })
  const photo = await server.inject({
    method: 'POST',
    url: '/api/v1/photos',
    remoteAddress: GUESSER,
    ...multipartFile(TINY_PNG, 'p.png'),
  })
  t.equal(photo.statusCode, 503, 'a photo upload fails closed')
  t.equal(photo.json().error.code, 'limits_unavailable')
  for (let i = 0; i < 5; i++) await staffSignIn(server)
  t.equal(count('Redis unreachable'), 1, 'the outage is logged once, not per request')
})

redisTest('Redis going away mid-run: logged once, its return once', async (t) => {
  const redis = await ownRedisServer(t)
  const config = await freshConfig(t, { REDIS_URL: redis.url })
  const { server, count } = await appWithLog(t, config)
  const staff = await signInStaff(server, 'county.redis', 'county', '350102')

  await redis.stop()
  const file = multipartFile('名称,类型\n', 'places.csv')
  const upload = await server.inject({
    method: 'POST',
    url: '/api/v1/places/imports?crs=gcj02',
    headers: { ...file.headers, ...staff.auth },
    payload: file.payload,
  })
  t.equal(upload.statusCode, 503, 'an import fails closed')
  t.equal(upload.json().error.code, 'limits_unavailable')
  for (let i = 0; i < 4; i++) t.equal((await staffSignIn(server)).statusCode, 503)
  t.equal((await lookUp(server, 1)).statusCode, 404, 'a plaque lookup fails open')
  t.equal(count('Redis unreachable'), 1)

  await redis.start()
  let answer = 503
  for (let i = 0; i < 50 && answer === 503; i++) {
    await sleep(200)
    answer = (await staffSignIn(server)).statusCode
  }
  t.equal(answer, 401, 'sign-in answers again once Redis is back')
  t.equal(count('Redis is back'), 1)
  t.equal(count('Redis unreachable'), 1)
})

redisTest('WeChat access_token: one stable_token fetch for every server', async (t) => {
  const wechat = await startFakeWechat()
  t.teardown(wechat.close)
  wechat.slowTokens(300)
  const prefix = ownPrefix(t)
  const quiet = { warn: () => {}, info: () => {} }
  const options = { baseUrl: wechat.baseUrl, appId: 'wx-test-app', secret: 'test-secret' }
  const servers = await Promise.all(
    [1, 2, 3].map(async () => {
      const redis = connectRedis(REDIS_URL ?? '', prefix, quiet)
      t.teardown(redis.close)
      await firstContact(redis)
      return createAccessToken({ ...options, timeoutMs: 2000 }, redis)
    }),
  )
  const tokens = await Promise.all(servers.flatMap((server) => [server.get(), server.get()]))
  t.same(new Set(tokens), new Set(['tok-1']))
  t.equal(wechat.tokenRequests.length, 1, 'one server fetched, the others waited and read it')
  t.match(wechat.tokenRequests[0], {
    grant_type: 'client_credential',
    appid: 'wx-test-app',
    force_refresh: false,
  })

  // WeChat expired it early: one server drops it, the next to ask fetches a new one.
  wechat.expireTokens()
  await servers[0]?.forget('tok-1')
  t.equal(await servers[1]?.get(), 'tok-1', 'still cached in that process until WeChat refuses it')
  await servers[1]?.forget('tok-1')
  t.equal(await servers[1]?.get(), 'tok-2')
  t.equal(await servers[2]?.forget('tok-1').then(() => servers[2]?.get()), 'tok-2')
  t.equal(wechat.tokenRequests.length, 2)
})

redisTest('WeChat access_token with Redis down: each server fetches its own', async (t) => {
  const wechat = await startFakeWechat()
  t.teardown(wechat.close)
  const redis = connectRedis(`redis://127.0.0.1:${await closedPort()}/0`, 'x:', {
    warn: () => {},
    info: () => {},
  })
  t.teardown(redis.close)
  const token = createAccessToken(
    { baseUrl: wechat.baseUrl, appId: 'wx-test-app', secret: 'test-secret', timeoutMs: 2000 },
    redis,
  )
  t.equal(await token.get(), 'tok-1')
  t.equal(wechat.tokenRequests.length, 1)
})

redisTest('a live server keeps its access_token in Redis', async (t) => {
  const wechat = await startFakeWechat()
  t.teardown(wechat.close)
  const prefix = ownPrefix(t)
  const config = await freshConfig(t, {
    REDIS_URL: REDIS_URL ?? '',
    REDIS_KEY_PREFIX: prefix,
    WECHAT_MODE: 'live',
    WECHAT_APPID: 'wx-test-app',
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: wechat.baseUrl,
  })
  const server = await buildAppWith(t, config)
  await server.wechatApi?.msgSecCheck('你好', 'o-someone', 2)
  const stored = await server.redis?.client.get(`${prefix}wechat:access-token:wx-test-app`)
  t.equal(stored, 'tok-1')
  const ttl = (await server.redis?.client.pttl(`${prefix}wechat:access-token:wx-test-app`)) ?? 0
  t.ok(ttl > 6_000_000 && ttl <= 6_900_000, 'kept until 5 minutes before WeChat expires it')
})
