import { inspect } from 'node:util'
import t from 'tap'
import {
  createWechatClient,
  type WechatClientOptions,
  WechatError,
} from '../src/wechat/wechat.client.ts'
import { startFakeWechat } from './fixtures/fake-wechat.ts'

const fake = await startFakeWechat()
t.teardown(fake.close)
t.beforeEach(() => {
  fake.calls.length = 0
})

const live = (options: Partial<WechatClientOptions> = {}) =>
  createWechatClient({
    mode: 'live',
    appId: 'wx-test-app',
    secret: 'test-secret',
    baseUrl: fake.baseUrl,
    timeoutMs: 2000,
    ...options,
  })

const dev = () => createWechatClient({ mode: 'dev', baseUrl: fake.baseUrl, timeoutMs: 2000 })

async function failureOf(promise: Promise<unknown>): Promise<WechatError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof WechatError) return error
    throw error
  }
  throw new Error('expected a WechatError, got a session')
}

t.test('a valid code gives the openid and session key', async (t) => {
  t.strictSame(await live().code2Session('ok-alice'), { openid: 'o-alice', sessionKey: 'sk-alice' })
})

t.test('the unionid is kept when WeChat sends one', async (t) => {
  t.strictSame(await live().code2Session('union-bob'), {
    openid: 'o-bob',
    unionid: 'u-bob',
    sessionKey: 'sk-bob',
  })
})

t.test('the query is exactly what code2Session expects, encoded', async (t) => {
  await live({ baseUrl: `${fake.baseUrl}/` }).code2Session('ok-a&b=c d')
  t.equal(fake.calls.length, 1)
  t.strictSame(Object.fromEntries(fake.calls[0] ?? []), {
    appid: 'wx-test-app',
    secret: 'test-secret',
    js_code: 'ok-a&b=c d',
    grant_type: 'authorization_code',
  })
})

t.test('WeChat errcodes map to error codes the mini-program can act on', async (t) => {
  const cases = [
    ['bad', 'wechat_invalid_code', 40029, '登录凭证无效或已过期，请重新进入小程序'],
    ['used', 'wechat_invalid_code', 40163, '登录凭证无效或已过期，请重新进入小程序'],
    ['busy', 'wechat_rate_limited', 45011, '登录过于频繁，请稍后再试'],
    ['risky', 'wechat_high_risk_user', 40226, '该微信账号存在安全风险，暂不能登录'],
    ['syserr', 'wechat_unavailable', -1, '微信服务暂不可用，请稍后再试'],
    ['weird', 'wechat_error', 99999, '微信登录失败，请稍后再试'],
  ] as const
  for (const [jsCode, code, errcode, message] of cases) {
    const error = await failureOf(live().code2Session(jsCode))
    t.match(error, { name: 'WechatError', code, errcode }, jsCode)
    t.equal(error.message, message, jsCode)
  }
})

t.test('a wrong secret is a wechat_error that keeps the errcode', async (t) => {
  await t.rejects(live({ secret: 'wrong-secret' }).code2Session('ok-x'), {
    code: 'wechat_error',
    errcode: 40125,
  })
})

t.test('a slow WeChat times out quickly as wechat_unavailable', async (t) => {
  const started = Date.now()
  await t.rejects(live({ timeoutMs: 300 }).code2Session('slow'), { code: 'wechat_unavailable' })
  t.ok(Date.now() - started < 1500, `gave up after ${Date.now() - started} ms`)
})

t.test('HTTP 500, a non-JSON body or no server at all is wechat_unavailable', async (t) => {
  const gone = await startFakeWechat()
  await gone.close()
  const attempts = [
    ['HTTP 500', () => live().code2Session('http500')],
    ['answer is not JSON', () => live().code2Session('garbage')],
    ['network error ECONNREFUSED', () => live({ baseUrl: gone.baseUrl }).code2Session('ok-x')],
  ] as const
  for (const [cause, attempt] of attempts) {
    await t.rejects(attempt(), { code: 'wechat_unavailable', errcode: undefined, cause })
  }
})

t.test('no error shows the secret or a session key', async (t) => {
  const codes = ['bad', 'used', 'busy', 'risky', 'syserr', 'weird', 'http500', 'garbage']
  const errors = await Promise.all(codes.map((code) => failureOf(live().code2Session(code))))
  errors.push(await failureOf(live({ timeoutMs: 300 }).code2Session('slow')))
  for (const error of errors) {
    const shown = `${error.message} ${error.stack} ${inspect(error)} ${JSON.stringify(error)}`
    t.notMatch(shown, /test-secret|sk-|jscode2session/, error.code)
  }
})

t.test('dev mode: the same name always gives the same fake openid', async (t) => {
  const first = await dev().code2Session('dev:alice')
  const again = await dev().code2Session('dev:alice')
  // Pinned: demo accounts are stored by openid, so the mapping must never change.
  t.equal(first.openid, 'dev_2b0c4623dd08d324c269ffc5')
  t.equal(again.openid, first.openid)
  t.equal((await dev().code2Session('dev:张三')).openid, 'dev_134de607de94bac0b8ab3de5')
  t.not((await dev().code2Session('dev:bob')).openid, first.openid)
  t.equal(first.unionid, undefined)
  t.match(first.sessionKey, /^[A-Za-z0-9+/]{22}==$/)
  t.not(again.sessionKey, first.sessionKey)
})

t.test('dev mode refuses codes that are not dev:<name>', async (t) => {
  const refused = ['ok-alice', 'dev:', 'dev:a b', 'dev:<b>', `dev:${'a'.repeat(33)}`, 'DEV:alice']
  for (const code of refused) {
    await t.rejects(dev().code2Session(code), { code: 'wechat_invalid_code' }, code)
  }
  t.equal((await dev().code2Session(`dev:${'a'.repeat(32)}`)).openid.length, 28)
})

t.test('dev mode never calls WeChat', async (t) => {
  await dev().code2Session('dev:alice')
  await dev()
    .code2Session('ok-alice')
    .catch(() => {})
  t.equal(dev().mode, 'dev')
  t.strictSame(fake.calls, [])
})

t.test('a live client needs WECHAT_APPID and WECHAT_SECRET', async (t) => {
  t.throws(() => live({ secret: undefined }), { message: /WECHAT_SECRET/ })
  t.throws(() => live({ secret: '' }), { message: /WECHAT_SECRET/ })
  t.throws(() => live({ appId: undefined }), { message: /WECHAT_APPID/ })
  t.doesNotThrow(() => createWechatClient({ mode: 'dev', baseUrl: '', timeoutMs: 1 }))
})
