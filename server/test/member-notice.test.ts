import t from 'tap'
import { signInLiveUser, signInStaff } from './fixtures/accounts.ts'
import { startFakeWechat } from './fixtures/fake-wechat.ts'
import { riderForm, submitMembership } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

t.test('a decision reaches the member as a subscribe message when WeChat is live', async (t) => {
  const wechat = await startFakeWechat()
  t.teardown(() => wechat.close())
  const app = await buildTestApp(t, {
    WECHAT_MODE: 'live',
    WECHAT_APPID: 'wx-test-app',
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_TIMEOUT_MS: '500',
    WECHAT_REVIEW_TEMPLATE_ID: 'tmpl-review',
  })
  const member = (code: string) => signInLiveUser(app, code)
  const staff = await signInStaff(app, 'county.n', 'county', '350102')
  const decide = async (id: string, decision: string, note?: string) => {
    const url = `/api/v1/review/memberships/${id}`
    const { version } = (await app.inject({ url, headers: staff.auth })).json()
    const payload = { decision, version, ...(note ? { note } : {}) }
    return app.inject({ method: 'POST', url: `${url}/decision`, headers: staff.auth, payload })
  }

  const alice = await member('ok-alice')
  const entry = await submitMembership(app, alice, riderForm())
  t.equal((await decide(entry.id, 'verify')).statusCode, 200)
  t.equal(wechat.sent.length, 1)
  const [message] = wechat.sent
  t.equal(message?.touser, 'o-alice')
  t.equal(message?.template_id, 'tmpl-review')
  t.equal(message?.page, 'packageMember/pages/status/index')
  t.equal(message?.data.phrase2?.value, '已核验')
  t.match(message?.data.time3?.value ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)

  wechat.expireTokens()
  t.equal((await decide(entry.id, 'revoke', '组织关系已转出')).statusCode, 200)
  t.equal(wechat.sent.length, 2, 'an expired access_token is renewed and the message sent')
  t.equal(wechat.sent[1]?.data.phrase2?.value, '已撤销')

  const bob = await member('ok-unsubscribed-bob')
  const bobEntry = await submitMembership(app, bob, riderForm({ riderId: 'MT-BOB' }))
  t.equal((await decide(bobEntry.id, 'reject', '名录中查无此人')).statusCode, 200)
  t.equal(wechat.sent.length, 2, 'no subscription, no message, and the decision stands')

  const carol = await member('ok-carol')
  const carolEntry = await submitMembership(app, carol, riderForm({ riderId: 'MT-CAROL' }))
  await wechat.close()
  const down = await decide(carolEntry.id, 'verify')
  t.equal(down.statusCode, 200, 'WeChat being down does not undo a decision')
  t.equal(down.json().state, 'verified')
})
