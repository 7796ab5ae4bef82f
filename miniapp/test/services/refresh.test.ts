import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/services/http'
import { fetchMe } from '../../src/services/me'
import { installSession, sessionStore, signInStaff, signOut } from '../../src/services/session'
import { SESSION_KEY } from '../../src/services/session-store'
import {
  apiFailure,
  callsTo,
  noContent,
  ok,
  routeRequests,
  session,
  type TaroCall,
  userMe,
} from '../fixtures'
import { storage } from '../mocks/taro'

const expired = apiFailure(401, 'unauthorized', '登录已失效，请重新登录')
const renewed = session(userMe(), { access: 'fresh-access', refresh: 'refresh-token-0002' })
/** GET /me accepts only the renewed token, as the server would after expiry. */
const meWithFreshTokenOnly = (call: TaroCall) =>
  call.header.Authorization === 'Bearer fresh-access' ? ok(userMe()) : expired

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** The call's error, or undefined when it succeeded. */
async function settle(promise: Promise<unknown>): Promise<{ error: ApiError | undefined }> {
  return promise.then(
    () => ({ error: undefined }),
    (error: unknown) => ({ error: error as ApiError }),
  )
}

beforeEach(() => {
  installSession()
  sessionStore.save({
    accessToken: 'stale-access',
    refreshToken: 'refresh-token-0001',
    user: userMe(),
  })
})

describe('refreshing an expired access token', () => {
  it('refreshes once for three requests failing together, and retries each with the new token', async () => {
    const refresh = deferred<ReturnType<typeof ok>>()
    routeRequests({ 'GET /me': meWithFreshTokenOnly, 'POST /auth/refresh': () => refresh.promise })

    const results = [fetchMe(), fetchMe(), fetchMe()]
    await expect.poll(() => callsTo('GET /me').length).toBe(3)
    await expect.poll(() => callsTo('POST /auth/refresh').length).toBe(1)
    refresh.resolve(ok(renewed))
    await Promise.all(results)

    expect(callsTo('POST /auth/refresh')).toHaveLength(1)
    expect(callsTo('POST /auth/refresh')[0]).toMatchObject({
      data: { refreshToken: 'refresh-token-0001' },
    })
    expect(callsTo('POST /auth/refresh')[0]?.header).not.toHaveProperty('Authorization')
    const retries = callsTo('GET /me').slice(3)
    expect(retries.map((call) => call.header.Authorization)).toEqual(
      Array(3).fill('Bearer fresh-access'),
    )
  })

  it('stores the rotated refresh token, in memory and in storage', async () => {
    routeRequests({ 'GET /me': meWithFreshTokenOnly, 'POST /auth/refresh': ok(renewed) })

    await fetchMe()

    expect(sessionStore.current()).toMatchObject({
      accessToken: 'fresh-access',
      refreshToken: 'refresh-token-0002',
    })
    expect(storage.get(SESSION_KEY)).toMatchObject({ refreshToken: 'refresh-token-0002' })
  })

  it('retries only once: a second 401 is surfaced, with no second refresh', async () => {
    routeRequests({ 'GET /me': expired, 'POST /auth/refresh': ok(renewed) })

    const { error } = await settle(fetchMe())

    expect(error).toBeInstanceOf(ApiError)
    expect(error?.status).toBe(401)
    expect(callsTo('GET /me')).toHaveLength(2)
    expect(callsTo('POST /auth/refresh')).toHaveLength(1)
  })

  it('signs out and surfaces the 401 when the refresh is refused', async () => {
    routeRequests({ 'GET /me': expired, 'POST /auth/refresh': expired })

    const results = await Promise.all([settle(fetchMe()), settle(fetchMe()), settle(fetchMe())])

    expect(results.map((r) => r.error?.code)).toEqual([
      'unauthorized',
      'unauthorized',
      'unauthorized',
    ])
    expect(callsTo('POST /auth/refresh')).toHaveLength(1)
    expect(callsTo('GET /me')).toHaveLength(3)
    expect(sessionStore.current()).toBeNull()
    expect(storage.has(SESSION_KEY)).toBe(false)
  })

  it('keeps the session when the refresh cannot reach the server', async () => {
    routeRequests({
      'GET /me': expired,
      'POST /auth/refresh': () => Promise.reject({ errMsg: 'request:fail' }),
    })

    const { error } = await settle(fetchMe())

    expect(error?.code).toBe('network_error')
    expect(sessionStore.current()?.refreshToken).toBe('refresh-token-0001')
  })

  it('does not sign back in when the refresh answers after sign-out', async () => {
    const refresh = deferred<ReturnType<typeof ok>>()
    routeRequests({
      'GET /me': expired,
      'POST /auth/refresh': () => refresh.promise,
      'POST /auth/logout': noContent(),
    })

    const pending = settle(fetchMe())
    await expect.poll(() => callsTo('POST /auth/refresh').length).toBe(1)
    await signOut()
    refresh.resolve(ok(renewed))

    expect((await pending).error?.status).toBe(401)
    expect(sessionStore.current()).toBeNull()
  })

  it('never refreshes for sign-in calls, which carry no access token', async () => {
    routeRequests({
      'POST /auth/staff': apiFailure(401, 'invalid_credentials', '账号或密码错误'),
      'POST /auth/refresh': ok(renewed),
    })

    const { error } = await settle(signInStaff({ username: 'gl.lin', password: 'wrong' }))

    expect(error?.code).toBe('invalid_credentials')
    expect(callsTo('POST /auth/refresh')).toHaveLength(0)
    expect(callsTo('POST /auth/staff')[0]?.header).not.toHaveProperty('Authorization')
    expect(sessionStore.current()?.accessToken).toBe('stale-access')
  })
})

/** A JWT-shaped token whose payload expires `seconds` from now (the signature is not checked here). */
function tokenExpiringIn(seconds: number): string {
  const payload = { sub: 'u1', exp: Math.floor(Date.now() / 1000) + seconds }
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `eyJhbGciOiJIUzI1NiJ9.${encoded}.signature`
}

describe('refreshing ahead of expiry', () => {
  it('trades a token that expires within a minute before sending, not after a 401', async () => {
    sessionStore.save({
      accessToken: tokenExpiringIn(30),
      refreshToken: 'refresh-token-0001',
      user: userMe(),
    })
    routeRequests({ 'GET /me': meWithFreshTokenOnly, 'POST /auth/refresh': () => ok(renewed) })
    await fetchMe()
    expect(callsTo('POST /auth/refresh')).toHaveLength(1)
    const sent = callsTo('GET /me')
    expect(sent).toHaveLength(1)
    expect(sent[0]?.header.Authorization).toBe('Bearer fresh-access')
  })

  it('leaves a token with time to spare alone', async () => {
    const token = tokenExpiringIn(600)
    sessionStore.save({ accessToken: token, refreshToken: 'refresh-token-0001', user: userMe() })
    routeRequests({ 'GET /me': () => ok(userMe()), 'POST /auth/refresh': () => ok(renewed) })
    await fetchMe()
    expect(callsTo('POST /auth/refresh')).toHaveLength(0)
    expect(callsTo('GET /me')[0]?.header.Authorization).toBe(`Bearer ${token}`)
  })
})
