import t from 'tap'
import { startFakeWechat } from './fixtures/fake-wechat.ts'
import { buildTestApp } from './helper.ts'

t.test('live WeChat sign-in over real HTTP: errcodes become clear answers', async (t) => {
  const wechat = await startFakeWechat()
  t.teardown(() => wechat.close())
  const app = await buildTestApp(t, {
    WECHAT_MODE: 'live',
    WECHAT_APPID: 'wx-test-app',
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_TIMEOUT_MS: '300',
  })
  const signIn = (code: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } })

  const ok = await signIn('union-rider1')
  t.equal(ok.statusCode, 200)
  t.equal(ok.json().user.role, 'user')
  t.notMatch(ok.body, /sk-rider1/, 'session_key never leaves the server')
  const row = await app.db
    .selectFrom('users')
    .select(['openid', 'unionid'])
    .where('id', '=', ok.json().user.id)
    .executeTakeFirst()
  t.same(row, { openid: 'o-rider1', unionid: 'u-rider1' })
  t.equal(
    (await signIn('union-rider1')).json().user.id,
    ok.json().user.id,
    'the same openid is the same user',
  )

  const cases: [string, number, string][] = [
    ['bad', 401, 'wechat_invalid_code'],
    ['used', 401, 'wechat_invalid_code'],
    ['busy', 429, 'wechat_rate_limited'],
    ['risky', 403, 'wechat_high_risk_user'],
    ['syserr', 503, 'wechat_unavailable'],
    ['slow', 503, 'wechat_unavailable'],
  ]
  for (const [code, status, errorCode] of cases) {
    const res = await signIn(code)
    t.equal(res.statusCode, status, code)
    t.equal(res.json().error.code, errorCode, code)
    t.match(res.json().error.message, /[\u4e00-\u9fff]/, `${code}: a Chinese message`)
  }
  t.equal((await signIn('dev:someone')).statusCode, 401, 'dev codes mean nothing in live mode')
  const failures = await app.db
    .selectFrom('audit_log')
    .select(['outcome', 'ip'])
    .where('action', '=', 'auth.wechat_sign_in')
    .where('outcome', '=', 'failure')
    .execute()
  t.equal(failures.length, cases.length + 1, 'every failed sign-in is audited')
})
