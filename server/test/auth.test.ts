import { createHmac } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { totp } from '../src/auth/totp.ts'
import { STRONG_PASSWORD, signInStaff, signInUser } from './fixtures/accounts.ts'
import { buildTestApp } from './helper.ts'

const b64 = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
function forge(
  header: object,
  payload: object,
  secret: string,
  alg: 'sha256' | 'sha512' = 'sha256',
): string {
  const body = `${b64(header)}.${b64(payload)}`
  return `${body}.${createHmac(alg, secret).update(body).digest('base64url')}`
}

t.test('JWT attack set: every forged or stale token is 401', async (t) => {
  const app = await buildTestApp(t)
  const user = await signInUser(app, 'jwt-victim')
  const secret = app.config.JWT_SECRET
  const now = Math.floor(Date.now() / 1000)
  const good = { sub: user.id, role: 'user', iss: 'djt', aud: 'djt-api', iat: now, exp: now + 600 }
  const [header, , signature] = user.accessToken.split('.')
  const attacks: Record<string, string> = {
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(good)}.`,
    'wrong algorithm (HS512, right secret)': forge(
      { alg: 'HS512', typ: 'JWT' },
      good,
      secret,
      'sha512',
    ),
    'tampered payload': `${header}.${b64({ ...good, sub: '00000000-0000-0000-0000-000000000000' })}.${signature}`,
    expired: forge(
      { alg: 'HS256', typ: 'JWT' },
      { ...good, iat: now - 1000, exp: now - 10 },
      secret,
    ),
    'wrong aud': forge({ alg: 'HS256', typ: 'JWT' }, { ...good, aud: 'other' }, secret),
    'wrong iss': forge({ alg: 'HS256', typ: 'JWT' }, { ...good, iss: 'evil' }, secret),
    'no exp': forge(
      { alg: 'HS256', typ: 'JWT' },
      { sub: user.id, role: 'user', iss: 'djt', aud: 'djt-api' },
      secret,
    ),
    'other secret': forge({ alg: 'HS256', typ: 'JWT' }, good, 'x'.repeat(40)),
    'right key, subject not an account id': forge(
      { alg: 'HS256', typ: 'JWT' },
      { ...good, sub: "1' or '1'='1" },
      secret,
    ),
    'right key, no subject': forge(
      { alg: 'HS256', typ: 'JWT' },
      { role: 'user', iss: 'djt', aud: 'djt-api', iat: now, exp: now + 600 },
      secret,
    ),
  }
  const control = await app.inject({
    url: '/api/v1/me',
    headers: { authorization: `Bearer ${forge({ alg: 'HS256', typ: 'JWT' }, good, secret)}` },
  })
  t.equal(
    control.statusCode,
    200,
    'a correctly made token passes, so the refusals below mean something',
  )
  for (const [name, token] of Object.entries(attacks)) {
    const res = await app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    })
    t.equal(res.statusCode, 401, name)
    t.equal(res.json().error.code, 'unauthorized', `${name}: code`)
  }
})

t.test('refresh rotates; reusing a rotated token revokes the whole family', async (t) => {
  const app = await buildTestApp(t)
  const user = await signInUser(app, 'rotator')
  const refresh = (token: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: token } })
  const first = await refresh(user.refreshToken)
  t.equal(first.statusCode, 200)
  const second = first.json().refreshToken
  t.not(second, user.refreshToken, 'a new refresh token each time')
  t.equal((await refresh(user.refreshToken)).statusCode, 401, 'the rotated one is refused')
  t.equal((await refresh(second)).statusCode, 401, 'and its successor was revoked with the family')
  const reuse = await app.db
    .selectFrom('audit_log')
    .select('outcome')
    .where('action', '=', 'auth.refresh_reuse')
    .execute()
  t.same(reuse, [{ outcome: 'denied' }])
  const stored = await app.db.selectFrom('refresh_tokens').select('token_hash').execute()
  t.ok(
    stored.every(
      (row) => row.token_hash !== user.refreshToken && /^[0-9a-f]{64}$/.test(row.token_hash),
    ),
    'stored hashed',
  )
})

t.test('logout revokes; a disabled account stops working at once', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'boss', 'county', '350102')
  const station = await signInStaff(app, 'worker', 'station', '350102')
  t.equal((await app.inject({ url: '/api/v1/me', headers: station.auth })).statusCode, 200)
  const disable = await app.inject({
    method: 'PATCH',
    url: `/api/v1/staff/${station.id}`,
    headers: county.auth,
    payload: { disabled: true },
  })
  t.equal(disable.statusCode, 200)
  t.equal(disable.json().disabled, true)
  const after = await app.inject({ url: '/api/v1/me', headers: station.auth })
  t.equal(after.statusCode, 401, 'the still-unexpired access token is refused')
  t.equal(after.json().error.code, 'account_disabled')
  const refresh = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refreshToken: station.refreshToken },
  })
  t.equal(refresh.statusCode, 401)
  const logout = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    payload: { refreshToken: county.refreshToken },
  })
  t.equal(logout.statusCode, 204)
  const reuse = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refreshToken: county.refreshToken },
  })
  t.equal(reuse.statusCode, 401, 'signed out')
})

t.test('per-IP rate limit on staff sign-in', async (t) => {
  const app = await buildTestApp(t, { STAFF_SIGN_IN_PER_IP_PER_MINUTE: '3' })
  const statuses = []
  for (let i = 0; i < 5; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/staff',
      payload: { username: `u${i}`, password: 'x' },
    })
    statuses.push(res.statusCode)
    if (res.statusCode === 429) t.equal(res.json().error.code, 'rate_limited')
  }
  t.same(statuses, [401, 401, 401, 429, 429])
})

t.test('behind a trusted proxy the client address counts; a forged header does not', async (t) => {
  const attempt = (app: FastifyInstance, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/staff',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username: 'nobody', password: 'x' },
    })
  const proxied = await buildTestApp(t, {
    STAFF_SIGN_IN_PER_IP_PER_MINUTE: '1',
    TRUST_PROXY: 'loopback',
  })
  t.equal((await attempt(proxied, '203.0.113.7')).statusCode, 401)
  t.equal((await attempt(proxied, '203.0.113.8')).statusCode, 401, 'another rider, own budget')
  t.equal((await attempt(proxied, '203.0.113.7')).statusCode, 429)
  const audit = await proxied.db
    .selectFrom('audit_log')
    .select('ip')
    .where('action', '=', 'auth.staff_sign_in')
    .orderBy('id')
    .execute()
  t.same(audit.map((row) => row.ip).slice(0, 2), ['203.0.113.7', '203.0.113.8'])

  const direct = await buildTestApp(t, { STAFF_SIGN_IN_PER_IP_PER_MINUTE: '1' })
  t.equal((await attempt(direct, '203.0.113.7')).statusCode, 401)
  t.equal(
    (await attempt(direct, '203.0.113.9')).statusCode,
    429,
    'without TRUST_PROXY, headers are ignored',
  )
})

t.test('TOTP: enrol with a QR, then sign-in needs the code, and a code works once', async (t) => {
  const app = await buildTestApp(t)
  const staff = await signInStaff(app, 'mfa.user', 'city', '350100')
  const enroll = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff/mfa/enroll',
    headers: staff.auth,
  })
  t.equal(enroll.statusCode, 200)
  const { secret, otpauthUrl, qrDataUrl } = enroll.json()
  t.match(otpauthUrl, /^otpauth:\/\/totp\//)
  t.match(qrDataUrl, /^data:image\/svg\+xml;base64,/)
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff/mfa/confirm',
    headers: staff.auth,
    payload: { otp: totp(secret, Date.now() - 30_000) },
  })
  t.equal(confirm.statusCode, 200)
  t.equal(confirm.json().staff.mfaEnabled, true)
  const signIn = (otp?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/staff',
      payload: { username: 'mfa.user', password: STRONG_PASSWORD, otp },
    })
  t.equal((await signIn()).json().error.code, 'mfa_required')
  t.equal((await signIn(totp(secret))).statusCode, 200)
  t.equal((await signIn(totp(secret))).statusCode, 401, 'the same code is not accepted twice')
})

t.test('STAFF_MFA=required: staff routes wait for enrolment', async (t) => {
  const app = await buildTestApp(t, { STAFF_MFA: 'required' })
  const staff = await signInStaff(app, 'must.enrol', 'county', '350102')
  const list = await app.inject({ url: '/api/v1/staff', headers: staff.auth })
  t.equal(list.statusCode, 403)
  t.equal(list.json().error.code, 'mfa_enrollment_required')
  t.equal(
    (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/staff/mfa/enroll',
        headers: staff.auth,
      })
    ).statusCode,
    200,
  )
})

t.test('weak passwords are refused with the reasons', async (t) => {
  const app = await buildTestApp(t)
  const province = await signInStaff(app, 'prov', 'province', '350000')
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/staff',
    headers: province.auth,
    payload: {
      username: 'weak.one',
      displayName: '弱密码',
      password: 'password',
      level: 'city',
      regionCode: '350100',
    },
  })
  t.equal(res.statusCode, 400)
  t.equal(res.json().error.code, 'weak_password')
  t.ok(res.json().error.fields.every((f: { field: string }) => f.field === 'body.password'))
  t.equal(
    await app.db
      .selectFrom('staff_accounts')
      .select('username')
      .where('username', '=', 'weak.one')
      .executeTakeFirst(),
    undefined,
  )
})

t.test('staff manage only lower levels inside their subtree; others get 404 or 403', async (t) => {
  const app = await buildTestApp(t)
  const city = await signInStaff(app, 'city.fz', 'city', '350100')
  const countyB = await signInStaff(app, 'county.xm', 'county', '350203')
  const create = (auth: Record<string, string>, payload: object) =>
    app.inject({ method: 'POST', url: '/api/v1/staff', headers: auth, payload })
  const outside = await create(city.auth, {
    username: 'xm.station',
    displayName: '厦门',
    password: STRONG_PASSWORD,
    level: 'station',
    regionCode: '350203',
    stationName: '思明站',
  })
  t.equal(outside.statusCode, 403, 'not in the subtree')
  const sameLevel = await create(city.auth, {
    username: 'other.city',
    displayName: '同级',
    password: STRONG_PASSWORD,
    level: 'city',
    regionCode: '350100',
  })
  t.equal(sameLevel.statusCode, 403, 'not a lower level')
  const list = await app.inject({ url: '/api/v1/staff', headers: countyB.auth })
  t.same(
    list.json().items.map((a: { username: string }) => a.username),
    ['county.xm'],
    'only their own subtree',
  )
  const peek = await app.inject({
    method: 'PATCH',
    url: `/api/v1/staff/${city.id}`,
    headers: countyB.auth,
    payload: { disabled: true },
  })
  t.equal(peek.statusCode, 404, 'outside the scope it does not exist')
})
