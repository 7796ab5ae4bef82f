import type { InjectOptions } from 'fastify'
import t from 'tap'
import { PRIVACY_NOTICE } from '../src/me/privacy-notice.ts'
import { type Account, STRONG_PASSWORD, signInStaff, signInUser } from './fixtures/accounts.ts'
import { ledgersMatrix, ledgersMatrixSetup } from './fixtures/matrix-ledgers.ts'
import { placesMatrix, placesMatrixSetup } from './fixtures/matrix-places.ts'
import { platformSitesMatrix, platformSitesMatrixSetup } from './fixtures/matrix-platform-sites.ts'
import { pledgesMatrix, pledgesMatrixSetup } from './fixtures/matrix-pledges.ts'
import { registersMatrix, registersMatrixSetup } from './fixtures/matrix-registers.ts'
import { workMatrix, workMatrixSetup } from './fixtures/matrix-work.ts'
import { consentingUser, riderForm, submitMembership } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

const callers = [
  'anonymous',
  'rider',
  'operator',
  'stationA',
  'countyA',
  'countyB',
  'cityA',
  'province',
] as const
type CallerName = (typeof callers)[number]
/** Expected status per caller, in the order of `callers`. */
type Row = [number, number, number, number, number, number, number, number]

let sequence = 0
const newStation = () => ({
  username: `made.${++sequence}`,
  displayName: '新建账号',
  password: STRONG_PASSWORD,
  level: 'station',
  regionCode: '350102',
  stationName: '鼓楼区第二指导站',
})

/**
 * Every registered route, by the key `METHOD url`: the request to send and the status
 * each caller must get. A route missing here fails the suite, so a new route has to say
 * who may call it. County A = 350102 鼓楼区 (福州市 350100), county B = 350203 思明区.
 */
let unknownNames = 0

const matrix: Record<
  string,
  { request: (ids: Record<string, string>) => InjectOptions; expect: Row }
> = {
  'GET /healthz': {
    request: () => ({ url: '/healthz' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  'GET /readyz': {
    request: () => ({ url: '/readyz' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  'GET /api/v1/status': {
    request: () => ({ url: '/api/v1/status' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  'GET /api/v1/regions': {
    request: () => ({ url: '/api/v1/regions' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  'GET /api/v1/regions/:code': {
    request: () => ({ url: '/api/v1/regions/350102' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  'GET /api/v1/privacy-notice': {
    request: () => ({ url: '/api/v1/privacy-notice' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  'POST /api/v1/auth/wechat': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/wechat',
      payload: { code: 'dev:matrix' },
    }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  'POST /api/v1/auth/staff': {
    // A new unknown name each time: five failures for one name would lock it (423).
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/staff',
      payload: { username: `nobody${++unknownNames}`, password: 'wrong' },
    }),
    expect: [401, 401, 401, 401, 401, 401, 401, 401],
  },
  'POST /api/v1/auth/refresh': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: 'x'.repeat(43) },
    }),
    expect: [401, 401, 401, 401, 401, 401, 401, 401],
  },
  'POST /api/v1/auth/logout': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: 'x'.repeat(43) },
    }),
    expect: [204, 204, 204, 204, 204, 204, 204, 204],
  },
  'GET /api/v1/me': {
    request: () => ({ url: '/api/v1/me' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
  },
  'GET /api/v1/me/data': {
    request: () => ({ url: '/api/v1/me/data' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
  },
  'POST /api/v1/me/privacy-consent': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/me/privacy-consent',
      payload: { version: PRIVACY_NOTICE.version },
    }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
  },
  'GET /api/v1/staff': {
    request: () => ({ url: '/api/v1/staff' }),
    expect: [401, 403, 403, 200, 200, 200, 200, 200],
  },
  'POST /api/v1/staff': {
    request: () => ({ method: 'POST', url: '/api/v1/staff', payload: newStation() }),
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
  },
  'PATCH /api/v1/staff/:id': {
    request: (ids) => ({
      method: 'PATCH',
      url: `/api/v1/staff/${ids.target}`,
      payload: { disabled: false },
    }),
    expect: [401, 403, 403, 403, 200, 404, 200, 200],
  },
  'POST /api/v1/staff/:id/unlock': {
    request: (ids) => ({ method: 'POST', url: `/api/v1/staff/${ids.target}/unlock` }),
    expect: [401, 403, 403, 403, 200, 404, 200, 200],
  },
  'POST /api/v1/auth/staff/mfa/enroll': {
    request: () => ({ method: 'POST', url: '/api/v1/auth/staff/mfa/enroll' }),
    expect: [401, 403, 403, 200, 200, 200, 200, 200],
  },
  'POST /api/v1/auth/staff/mfa/confirm': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/staff/mfa/confirm',
      payload: { otp: '000000' },
    }),
    expect: [401, 403, 403, 400, 400, 400, 400, 400],
  },
  'GET /api/v1/audit': {
    request: () => ({ url: '/api/v1/audit' }),
    expect: [401, 403, 403, 200, 200, 200, 200, 200],
  },
  'POST /api/v1/memberships': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/memberships',
      payload: { action: 'save', form: { kind: 'rider', name: '草稿' } },
    }),
    expect: [401, 201, 201, 403, 403, 403, 403, 403],
  },
  'GET /api/v1/memberships/mine': {
    request: () => ({ url: '/api/v1/memberships/mine' }),
    expect: [401, 200, 200, 403, 403, 403, 403, 403],
  },
  'POST /api/v1/memberships/mine/withdraw': {
    request: () => ({ method: 'POST', url: '/api/v1/memberships/mine/withdraw' }),
    expect: [401, 200, 200, 403, 403, 403, 403, 403],
  },
  'GET /api/v1/review/memberships': {
    request: () => ({ url: '/api/v1/review/memberships' }),
    expect: [401, 403, 403, 200, 200, 200, 200, 200],
  },
  'GET /api/v1/review/memberships/:id': {
    request: (ids) => ({ url: `/api/v1/review/memberships/${ids.membership}` }),
    expect: [401, 403, 403, 200, 200, 404, 200, 200],
  },
  // A stale version: in scope that is a conflict, outside it the entry does not exist.
  'POST /api/v1/review/memberships/:id/decision': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/v1/review/memberships/${ids.membership}/decision`,
      payload: { decision: 'verify', version: 999 },
    }),
    expect: [401, 403, 403, 403, 409, 404, 409, 409],
  },
  'POST /api/v1/review/memberships/bulk-verify': {
    request: (ids) => ({
      method: 'POST',
      url: '/api/v1/review/memberships/bulk-verify',
      payload: { ids: [ids.membership] },
    }),
    expect: [401, 403, 403, 403, 200, 200, 200, 200],
  },
  'POST /api/v1/review/memberships/:id/reveal': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/v1/review/memberships/${ids.membership}/reveal`,
      payload: { field: 'mobile', reason: '授权矩阵测试' },
    }),
    expect: [401, 403, 403, 200, 200, 404, 200, 200],
  },
  ...registersMatrix,
  ...placesMatrix,
  ...pledgesMatrix,
  ...ledgersMatrix,
  ...workMatrix,
  ...platformSitesMatrix,
  // Last: it cancels the users' accounts.
  'DELETE /api/v1/me': {
    request: () => ({ method: 'DELETE', url: '/api/v1/me' }),
    expect: [401, 204, 204, 403, 403, 403, 403, 403],
  },
}

t.test('every route answers each kind of caller as the matrix says', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const registered = app.routeAccess.map((route) => `${route.method} ${route.url}`)
  t.same(
    registered.filter((key) => !matrix[key]),
    [],
    'every registered route has a row in the matrix',
  )
  t.same(
    Object.keys(matrix).filter((key) => !registered.includes(key)),
    [],
    'no row names a route that is gone',
  )

  const accounts: Record<Exclude<CallerName, 'anonymous'>, Account> = {
    rider: await signInUser(app, 'matrix-rider', 'rider'),
    operator: await signInUser(app, 'matrix-operator', 'operator'),
    stationA: await signInStaff(app, 'station.a', 'station', '350102'),
    countyA: await signInStaff(app, 'county.a', 'county', '350102'),
    countyB: await signInStaff(app, 'county.b', 'county', '350203'),
    cityA: await signInStaff(app, 'city.a', 'city', '350100'),
    province: await signInStaff(app, 'province', 'province', '350000'),
  }
  for (const user of [accounts.rider, accounts.operator])
    await app.inject({
      method: 'POST',
      url: '/api/v1/me/privacy-consent',
      headers: user.auth,
      payload: { version: PRIVACY_NOTICE.version },
    })
  const member = await consentingUser(app, 'matrix-member')
  const membership = await submitMembership(app, member, riderForm())
  const ids = {
    target: accounts.stationA.id,
    membership: membership.id,
    ...(await registersMatrixSetup(app, accounts)),
    ...(await placesMatrixSetup(app, accounts)),
    ...(await pledgesMatrixSetup(app, accounts)),
    ...(await ledgersMatrixSetup(app, accounts)),
    ...(await workMatrixSetup(app, accounts)),
    ...(await platformSitesMatrixSetup(app, accounts)),
  }
  for (const [key, row] of Object.entries(matrix)) {
    const got = []
    for (const caller of callers) {
      const headers = caller === 'anonymous' ? {} : accounts[caller].auth
      const options = row.request(ids)
      const res = await app.inject({ ...options, headers: { ...options.headers, ...headers } })
      got.push(res.statusCode)
    }
    t.same(got, row.expect, key)
  }
})
