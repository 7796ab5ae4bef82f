import t from 'tap'
import { signInLiveUser, signInStaff } from './fixtures/accounts.ts'
import { startFakeWechat } from './fixtures/fake-wechat.ts'
import { REVIEW_TEXT, RISKY_TEXT } from './fixtures/fake-wechat-wxa.ts'
import {
  decidePledge,
  pledgeContent,
  publicPledge,
  submitPledge,
  verifiedOperator,
} from './fixtures/pledges.ts'
import { readQr } from './fixtures/qr.ts'
import { buildTestApp } from './helper.ts'

const PUBLIC = { PUBLIC_BASE_URL: 'https://djt.example.gov.cn' }

t.test('without WeChat the plaque carries a plain QR of the H5 page, and it decodes', async (t) => {
  const app = await buildTestApp(t, PUBLIC)
  const staff = await signInStaff(app, 'county.gl', 'county', '350102')
  const owner = await verifiedOperator(app, staff, '店主癸')
  const pledge = await submitPledge(app, owner)
  const early = await app.inject({ url: '/api/v1/pledges/mine/plaque.png', headers: owner.auth })
  t.equal(early.statusCode, 409, 'no plaque before approval')
  t.match(early.json().error.message, /审核通过且有效后/)
  const approved = await decidePledge(app, staff, pledge.id, pledge.versions[0]?.id ?? '')
  const code = approved.json().code
  const png = await app.inject({ url: '/api/v1/pledges/mine/plaque.png', headers: owner.auth })
  t.equal(png.statusCode, 200)
  t.equal(png.headers['content-type'], 'image/png')
  const url = readQr(png.rawPayload)
  t.equal(url, `https://djt.example.gov.cn/p/${code}`)
  t.equal(approved.json().publicUrl, url, 'the link shown to the owner is the one printed')
  const mine = await app.inject({ url: '/api/v1/pledges/mine', headers: owner.auth })
  t.equal(mine.json().pledge.plaqueWarning, false, 'a public address warns no one')
  const pdf = await app.inject({
    url: `/api/v1/review/pledges/${pledge.id}/plaque.pdf`,
    headers: staff.auth,
  })
  t.equal(pdf.headers['content-type'], 'application/pdf')
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')
  t.match(pdf.headers['content-disposition'], `plaque-${code}.pdf`)
  t.equal(
    (await app.inject({ url: '/api/v1/pledges/mine/plaque.gif', headers: owner.auth })).statusCode,
    400,
  )
})

t.test('a plaque made while the public address is localhost is flagged to its owner', async (t) => {
  const app = await buildTestApp(t, { PUBLIC_BASE_URL: 'http://127.0.0.1:4500' })
  const staff = await signInStaff(app, 'county.gl', 'county', '350102')
  const owner = await verifiedOperator(app, staff, '店主子')
  const pledge = await submitPledge(app, owner)
  await decidePledge(app, staff, pledge.id, pledge.versions[0]?.id ?? '')
  const mine = await app.inject({ url: '/api/v1/pledges/mine', headers: owner.auth })
  t.equal(mine.json().pledge.plaqueWarning, true)
  const png = await app.inject({ url: '/api/v1/pledges/mine/plaque.png', headers: owner.auth })
  t.match(readQr(png.rawPayload), /^http:\/\/127\.0\.0\.1:4500\/p\//, 'the QR it warns about')
})

t.test(
  'with WeChat live: msgSecCheck screens the text, the plaque carries the wxacode, fetched once',
  async (t) => {
    const wechat = await startFakeWechat()
    t.teardown(() => wechat.close())
    const app = await buildTestApp(t, {
      ...PUBLIC,
      WECHAT_MODE: 'live',
      WECHAT_APPID: 'wx-test-app',
      WECHAT_SECRET: 'test-secret',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_TIMEOUT_MS: '500',
    })
    const staff = await signInStaff(app, 'county.gl', 'county', '350102')
    const owner = await verifiedOperator(
      app,
      staff,
      '店主子',
      {},
      await signInLiveUser(app, 'ok-owner'),
    )
    const send = (content: ReturnType<typeof pledgeContent>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/pledges/mine',
        headers: owner.auth,
        payload: { content },
      })
    const risky = await send(pledgeContent({ duties: `负责${RISKY_TEXT}` }))
    t.equal(risky.statusCode, 400)
    t.match(risky.json().error.fields, [
      { field: 'body.content.duties', message: /职责内容未通过微信内容安全检测（违法犯罪）/ },
    ])
    t.match(wechat.wxa.secChecks[0], { openid: 'o-owner', scene: 1 })
    wechat.expireTokens()
    const doubtful = await send(pledgeContent({ promises: [{ text: `诚信经营${REVIEW_TEXT}` }] }))
    t.equal(doubtful.statusCode, 201, 'an expired token is renewed and the text goes on to staff')
    t.match(doubtful.json().versions[0].checkNotes, [/微信内容安全建议人工审核第1条承诺（广告）/])

    const approved = await decidePledge(
      app,
      staff,
      doubtful.json().id,
      doubtful.json().versions[0].id,
    )
    const code = approved.json().code
    for (let i = 0; i < 2; i++) {
      const png = await app.inject({ url: '/api/v1/pledges/mine/plaque.png', headers: owner.auth })
      t.equal(readQr(png.rawPayload), `wxacode:packagePledge/pages/public/index?scene=${code}`)
    }
    t.equal(wechat.wxa.wxacodes.length, 1, 'WeChat is asked once; the code is kept')
    t.match(wechat.wxa.wxacodes[0], { scene: code, is_hyaline: true })

    const other = await verifiedOperator(
      app,
      staff,
      '店主丑',
      {},
      await signInLiveUser(app, 'ok-other'),
    )
    await wechat.close()
    const whileDown = await publicPledge(app, staff, other)
    const mine = (await app.inject({ url: '/api/v1/pledges/mine', headers: other.auth })).json()
      .pledge
    t.match(
      mine.versions[0].checkNotes,
      ['微信内容安全检测暂不可用，请人工审核全文'],
      'WeChat down: nothing lost, a person checks',
    )
    const png = await app.inject({ url: '/api/v1/pledges/mine/plaque.png', headers: other.auth })
    t.equal(
      readQr(png.rawPayload),
      `https://djt.example.gov.cn/p/${whileDown.code}`,
      'WeChat down: the H5 link instead',
    )
  },
)
