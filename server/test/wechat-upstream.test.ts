import t from 'tap'
import { createAccessToken } from '../src/wechat/access-token.ts'
import { createMsgSecCheck } from '../src/wechat/msg-sec-check.ts'
import { createLiveMessenger } from '../src/wechat/subscribe-message.ts'
import { JSON_ANSWER_MAX_BYTES, WXACODE_MAX_BYTES } from '../src/wechat/upstream.ts'
import { createWechatClient } from '../src/wechat/wechat.client.ts'
import { createWxacode } from '../src/wechat/wxacode.ts'
import { signInLiveUser, signInStaff } from './fixtures/accounts.ts'
import { startFakeWechat } from './fixtures/fake-wechat.ts'
import { type Fault, startBystander } from './fixtures/fake-wechat-faults.ts'
import { publicPledge, verifiedOperator } from './fixtures/pledges.ts'
import { readQr } from './fixtures/qr.ts'
import { buildTestApp } from './helper.ts'

// Every call to WeChat: a redirect is not followed, an oversized answer is abandoned
// mid-stream, and both fail as wechat_unavailable, which the callers already handle.

const fake = await startFakeWechat()
const bystander = await startBystander()
t.teardown(fake.close)
t.teardown(bystander.close)

const TIMEOUT_MS = 3000
const live = { baseUrl: fake.baseUrl, appId: 'wx-test-app', secret: 'test-secret' }
const token = () => createAccessToken({ ...live, timeoutMs: TIMEOUT_MS })

/** Each WeChat API the server calls, by the path the fake answers it on. */
const calls: [path: string, kind: 'json' | 'image', call: () => Promise<unknown>][] = [
  [
    '/sns/jscode2session',
    'json',
    () => createWechatClient({ mode: 'live', ...live, timeoutMs: TIMEOUT_MS }).code2Session('ok-a'),
  ],
  ['/cgi-bin/stable_token', 'json', () => token().get()],
  [
    '/wxa/msg_sec_check',
    'json',
    () => createMsgSecCheck(fake.baseUrl, token(), TIMEOUT_MS)('你好', 'o-a', 2),
  ],
  [
    '/cgi-bin/message/subscribe/send',
    'json',
    () =>
      createLiveMessenger(fake.baseUrl, token(), TIMEOUT_MS).send({
        openid: 'o-a',
        templateId: 'tpl',
        page: 'packageMember/pages/status/index',
        data: { thing1: '审核结果' },
      }),
  ],
  [
    '/wxa/getwxacodeunlimit',
    'image',
    () =>
      createWxacode(
        fake.baseUrl,
        token(),
        TIMEOUT_MS,
      )({
        scene: 'c1',
        page: 'packagePledge/pages/public/index',
        envVersion: 'release',
      }),
  ],
]

const capOf = (kind: 'json' | 'image') =>
  kind === 'image' ? WXACODE_MAX_BYTES : JSON_ANSWER_MAX_BYTES
const endless = (kind: 'json' | 'image'): Fault => ({
  bytes: 'endless',
  type: kind === 'image' ? 'image/png' : 'application/json',
})

t.beforeEach(() => {
  for (const [path] of calls) fake.misbehave(path)
  bystander.requests.length = 0
  fake.streamed.length = 0
})

/** Waits until the fake saw the client hang up on its answer (or 2 s pass). */
async function hungUp() {
  for (let waited = 0; waited < 2000 && !fake.streamed.every((s) => s.cutOff); waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20))
  return fake.streamed
}

t.test('every call answers normally without faults', async (t) => {
  for (const [path, , call] of calls) await t.resolves(call(), path)
})

t.test('a redirect is not followed: the other server sees no request', async (t) => {
  for (const [path, , call] of calls) {
    for (const status of [302, 307] as const) {
      fake.misbehave(path, { redirect: status, to: bystander.url })
      await t.rejects(
        call(),
        { code: 'wechat_unavailable', cause: `redirect (HTTP ${status}) not followed` },
        `${path} ${status}`,
      )
    }
    fake.misbehave(path)
  }
  t.same(bystander.requests, [], 'no request reached the redirect target')
})

t.test('an endless answer fails as soon as it passes the cap', async (t) => {
  for (const [path, kind, call] of calls) {
    fake.streamed.length = 0
    fake.misbehave(path, endless(kind))
    const started = Date.now()
    await t.rejects(
      call(),
      { code: 'wechat_unavailable', cause: `answer larger than ${capOf(kind)} bytes` },
      path,
    )
    const took = Date.now() - started
    t.ok(took < TIMEOUT_MS / 2, `${path}: failed after ${took} ms, well before the timeout`)
    const [answer] = await hungUp()
    t.equal(answer?.cutOff, true, `${path}: the client hung up on the answer`)
    // Socket buffers hold a few MiB at most; reading on would have taken the full timeout.
    t.ok((answer?.sent ?? 0) < capOf(kind) + 16 * 1024 * 1024, `${path}: ${answer?.sent} B sent`)
    fake.misbehave(path)
  }
})

t.test('a declared length over the cap fails before the body is read', async (t) => {
  fake.misbehave('/sns/jscode2session', { ...endless('json'), bytes: 64 << 20, declare: true })
  await t.rejects(calls[0]?.[2]() ?? Promise.resolve(), {
    code: 'wechat_unavailable',
    cause: `answer larger than ${JSON_ANSWER_MAX_BYTES} bytes`,
  })
  const [answer] = await hungUp()
  t.equal(answer?.cutOff, true)
  t.ok((answer?.sent ?? 0) < 32 << 20, `${answer?.sent} B of 64 MiB sent`)
})

t.test('answers up to the cap still work; a mini-program code may be larger', async (t) => {
  const code2Session = calls[0]?.[2] ?? (() => Promise.resolve())
  const json = (bytes: number): Fault => ({ bytes, type: 'application/json' })
  fake.misbehave('/sns/jscode2session', json(JSON_ANSWER_MAX_BYTES))
  t.same(await code2Session(), { openid: 'o-big', sessionKey: 'sk-big' }, 'exactly the cap')
  fake.misbehave('/sns/jscode2session', json(JSON_ANSWER_MAX_BYTES + 1))
  await t.rejects(code2Session(), { code: 'wechat_unavailable' }, 'one byte more')

  const wxacode = calls[4]?.[2] ?? (() => Promise.resolve())
  const image = 3 * 1024 * 1024
  fake.misbehave('/wxa/getwxacodeunlimit', { bytes: image, type: 'image/png' })
  const png = await wxacode()
  t.equal(Buffer.isBuffer(png) && png.length, image, 'a 3 MiB image is read whole')
  fake.misbehave('/wxa/getwxacodeunlimit', json(image))
  await t.rejects(wxacode(), { code: 'wechat_unavailable' }, 'an error answer has the JSON cap')
})

t.test('the app answers these failures as any WeChat outage', async (t) => {
  const app = await buildTestApp(t, {
    PUBLIC_BASE_URL: 'https://djt.example.gov.cn',
    WECHAT_MODE: 'live',
    WECHAT_APPID: 'wx-test-app',
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: fake.baseUrl,
    WECHAT_TIMEOUT_MS: String(TIMEOUT_MS),
  })
  const signIn = () =>
    app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'ok-rider' } })
  for (const fault of [{ redirect: 302, to: bystander.url } as const, endless('json')]) {
    fake.misbehave('/sns/jscode2session', fault)
    const refused = await signIn()
    t.equal(refused.statusCode, 503, 'sign-in: 503')
    t.match(refused.json().error, {
      code: 'wechat_unavailable',
      message: '微信服务暂不可用，请稍后再试',
    })
  }
  fake.misbehave('/sns/jscode2session')
  t.equal((await signIn()).statusCode, 200, 'and signs in once WeChat answers properly')

  const staff = await signInStaff(app, 'county.gl', 'county', '350102')
  const owner = await verifiedOperator(app, staff, '店主寅', {}, await signInLiveUser(app, 'ok-o'))
  fake.misbehave('/wxa/msg_sec_check', { redirect: 307, to: bystander.url })
  fake.misbehave('/wxa/getwxacodeunlimit', endless('image'))
  const { code } = await publicPledge(app, staff, owner)
  const mine = (await app.inject({ url: '/api/v1/pledges/mine', headers: owner.auth })).json()
  t.match(
    mine.pledge.versions[0].checkNotes,
    ['微信内容安全检测暂不可用，请人工审核全文'],
    'msgSecCheck redirected: the text reaches staff with a note, as when WeChat is down',
  )
  const png = await app.inject({ url: '/api/v1/pledges/mine/plaque.png', headers: owner.auth })
  t.equal(png.statusCode, 200)
  t.equal(
    readQr(png.rawPayload),
    `https://djt.example.gov.cn/p/${code}`,
    'the plaque carries the plain link, as when WeChat is down',
  )
  t.same(bystander.requests, [])
})
