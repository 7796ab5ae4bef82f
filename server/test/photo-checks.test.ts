import { createServer } from 'node:net'
import { sql } from 'kysely'
import t from 'tap'
import { createMediaLinks, MEDIA_LINK_SECONDS } from '../src/uploads/photo-checks.service.ts'
import { aesKeyOf, pushSignature } from '../src/wechat/push.ts'
import { signInLiveUser, signInStaff } from './fixtures/accounts.ts'
import { type FakeWechat, startFakeWechat } from './fixtures/fake-wechat.ts'
import { REVIEW_IMAGE_MARK, RISKY_IMAGE_MARK } from './fixtures/fake-wechat-wxa.ts'
import { riderForm, submitMembership } from './fixtures/memberships.ts'
import {
  decidePledge,
  pledgeContent,
  submitPledge,
  TINY_PNG,
  uploadPhoto,
  verifiedOperator,
} from './fixtures/pledges.ts'
import { buildTestApp, type Teardown } from './helper.ts'

const PUSH_TOKEN = 'pushToken2026'
const APP_ID = 'wx-test-app'
/** A PNG WeChat's (fake) image check calls risky, or sends to review. */
const RISKY_PNG = Buffer.concat([TINY_PNG, Buffer.from(RISKY_IMAGE_MARK)])
const REVIEW_PNG = Buffer.concat([TINY_PNG, Buffer.from(REVIEW_IMAGE_MARK)])

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

/**
 * A server with WeChat live, listening on a real port: WeChat (the local fake) downloads the
 * photo from the link it is given and pushes its verdict to the push URL over HTTP.
 */
async function liveServer(t: Teardown, wechat: FakeWechat, extra: Record<string, string> = {}) {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const app = await buildTestApp(t, {
    WECHAT_MODE: 'live',
    WECHAT_APPID: APP_ID,
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_TIMEOUT_MS: '1000',
    WECHAT_PUSH_TOKEN: PUSH_TOKEN,
    PUBLIC_BASE_URL: base,
    ...extra,
  })
  await app.listen({ port, host: '127.0.0.1' })
  const pushUrl = `${base}/api/v1/wechat/push`
  const aes = extra.WECHAT_PUSH_AES_KEY
  wechat.pushTo({
    url: pushUrl,
    token: PUSH_TOKEN,
    appId: APP_ID,
    ...(aes ? { aesKey: aesKeyOf(aes) } : {}),
  })
  const stateOf = async (id: string) =>
    (
      await sql<{
        check_state: string
      }>`select check_state from pledge_photos where id = ${id}`.execute(app.db)
    ).rows[0]?.check_state
  return { app, base, pushUrl, stateOf }
}

t.test(
  'a photo is hidden from the public until WeChat passes it; a risky one from everyone',
  async (t) => {
    const wechat = await startFakeWechat()
    t.teardown(() => wechat.close())
    const { app, base, stateOf } = await liveServer(t, wechat)
    const staff = await signInStaff(app, 'photo.county', 'county', '350102')
    const owner = await verifiedOperator(
      app,
      staff,
      '店主检',
      {},
      await signInLiveUser(app, 'ok-stall'),
    )

    // The upload is taken at once and sent to the check; the photo is pending meanwhile.
    const uploaded = await uploadPhoto(app, owner)
    t.equal(uploaded.statusCode, 201)
    const photoId = uploaded.json().id
    t.equal(await stateOf(photoId), 'pending')
    t.match(wechat.wxa.mediaChecks, [{ openid: 'o-stall', media_type: 2, version: 2, scene: 3 }])
    t.ok(
      wechat.wxa.mediaChecks[0]?.media_url.startsWith(`${base}/api/v1/wechat/media/`),
      'WeChat is given a link to this server',
    )

    const pledge = await submitPledge(app, owner, pledgeContent({ photoId }))
    const approved = await decidePledge(app, staff, pledge.id, pledge.versions[0]?.id ?? '')
    const code = approved.json().code
    const scan = () => app.inject({ url: `/api/v1/public/pledges/${code}` })
    const photo = () => app.inject({ url: `/api/v1/public/pledges/${code}/photo` })
    t.equal((await scan()).json().status, 'valid')
    t.equal((await scan()).json().hasPhoto, false, 'no photo offered while it is being checked')
    t.equal((await photo()).statusCode, 404)
    t.match((await photo()).json().error.message, '照片正在检测')

    t.same(await wechat.answerMediaChecks(), [{ status: 200, text: 'success' }])
    t.equal(await stateOf(photoId), 'passed')
    t.equal((await scan()).json().hasPhoto, true, 'passed: the page offers it')
    const shown = await photo()
    t.equal(shown.statusCode, 200)
    t.same(shown.rawPayload, TINY_PNG, 'and the photo opens: the bytes uploaded')

    // A risky photo: attachable while pending, hidden once rejected, refused when attached after.
    const rider = await signInLiveUser(app, 'ok-rider')
    await app.db.updateTable('users').set({ kind: 'rider' }).where('id', '=', rider.id).execute()
    const membership = await submitMembership(app, rider, riderForm())
    await app.db
      .updateTable('memberships')
      .set({ state: 'verified' })
      .where('id', '=', membership.id)
      .execute()
    const risky = (await uploadPhoto(app, rider, RISKY_PNG)).json().id
    const estate = {
      name: '某某花园小区',
      address: '福州市鼓楼区五四路100号',
      regionCode: '350102',
      location: { lat: 26.0865, lng: 119.2965 },
    }
    const raise = (photoIds: string[]) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/difficulties',
        headers: rider.auth,
        payload: { category: 'entry', text: '小区保安不让骑手进门送餐', photoIds, place: estate },
      })
    const raised = await raise([risky])
    t.equal(raised.statusCode, 201, 'a photo still being checked may go on a difficulty')
    const staffPhoto = () =>
      app.inject({
        url: `/api/v1/staff/difficulties/${raised.json().id}/photos/${risky}`,
        headers: staff.auth,
      })
    t.equal((await staffPhoto()).statusCode, 200, 'staff see it while pending')
    await wechat.answerMediaChecks()
    t.equal(await stateOf(risky), 'rejected')
    const withheld = await staffPhoto()
    t.equal(withheld.statusCode, 404, 'rejected: shown to no one, staff included')
    t.match(withheld.json().error.message, '未通过微信内容安全检测')
    const again = await raise([risky])
    t.equal(again.statusCode, 400)
    t.match(again.json().error.fields, [
      { field: 'body.photoIds.0', message: '第1张照片未通过微信内容安全检测，请换一张' },
    ])
    const pledgeAgain = await app.inject({
      method: 'POST',
      url: '/api/v1/pledges/mine',
      headers: owner.auth,
      payload: {
        content: pledgeContent({ photoId: (await uploadPhoto(app, owner, RISKY_PNG)).json().id }),
      },
    })
    t.equal(pledgeAgain.statusCode, 201, 'pending again: taken, and the verdict decides later')
    await wechat.answerMediaChecks()
    t.equal(
      (await scan()).json().hasPhoto,
      true,
      'the approved version still shows its passed photo',
    )

    // Review: WeChat is unsure; the public does not see it, staff do.
    const doubtful = (await uploadPhoto(app, rider, REVIEW_PNG)).json().id
    await wechat.answerMediaChecks()
    t.equal(await stateOf(doubtful), 'review')
  },
)

t.test(
  'without an openid, or with WeChat failing, a photo stays unchecked and is not lost',
  async (t) => {
    const wechat = await startFakeWechat()
    t.teardown(() => wechat.close())
    const { app, stateOf } = await liveServer(t, wechat)
    const staff = await signInStaff(app, 'photo.staff', 'county', '350102')
    const byStaff = (await uploadPhoto(app, staff)).json().id
    t.equal(await stateOf(byStaff), 'unchecked', 'a staff account has no openid WeChat would take')
    const anonymous = (await uploadPhoto(app)).json().id
    t.equal(await stateOf(anonymous), 'unchecked')
    t.equal(wechat.wxa.mediaChecks.length, 0)

    wechat.misbehave('/wxa/media_check_async', { redirect: 302, to: 'http://127.0.0.1:9/' })
    const rider = await signInLiveUser(app, 'ok-downtime')
    const whileDown = await uploadPhoto(app, rider)
    t.equal(whileDown.statusCode, 201, 'WeChat down: the upload is still taken')
    t.equal(await stateOf(whileDown.json().id), 'unchecked', 'for a person to see first')
  },
)

t.test('only WeChat can push a verdict: signature, freshness, replays', async (t) => {
  const wechat = await startFakeWechat()
  t.teardown(() => wechat.close())
  const { app, pushUrl, stateOf } = await liveServer(t, wechat)
  const rider = await signInLiveUser(app, 'ok-pusher')
  const photoId = (await uploadPhoto(app, rider, RISKY_PNG)).json().id
  const trace = wechat.wxa.mediaChecks[0]?.trace_id ?? ''
  const verdict = (suggest: string) =>
    JSON.stringify({ Event: 'wxa_media_check', trace_id: trace, result: { suggest, label: 100 } })
  const post = (query: Record<string, string>, body = verdict('pass')) =>
    fetch(`${pushUrl}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
  const now = String(Math.floor(Date.now() / 1000))
  const signed = (token: string, timestamp = now) => ({
    signature: pushSignature(token, timestamp, 'n1'),
    timestamp,
    nonce: 'n1',
  })
  t.equal((await post({})).status, 401, 'unsigned')
  t.equal((await post(signed('someoneElse'))).status, 401, 'signed with another token')
  const stale = String(Math.floor(Date.now() / 1000) - 600)
  t.equal((await post(signed(PUSH_TOKEN, stale))).status, 401, 'ten minutes old')
  t.equal(await stateOf(photoId), 'pending', 'no forged "pass" got through')

  const answers = await wechat.answerMediaChecks()
  t.same(answers, [{ status: 200, text: 'success' }])
  t.equal(await stateOf(photoId), 'rejected')
  const replay = await post(signed(PUSH_TOKEN))
  t.equal(replay.status, 200, 'a signed push for a decided trace is taken (WeChat retries)…')
  t.equal(await stateOf(photoId), 'rejected', '…and changes nothing')

  // The URL check when the push is configured.
  const echo = await fetch(
    `${pushUrl}?${new URLSearchParams({ ...signed(PUSH_TOKEN), echostr: 'e-123' })}`,
  )
  t.equal(await echo.text(), 'e-123')
  t.equal((await fetch(`${pushUrl}?echostr=e-123`)).status, 401)
})

t.test('安全模式: the verdict arrives sealed, and a plain push is refused', async (t) => {
  const wechat = await startFakeWechat()
  t.teardown(() => wechat.close())
  const aesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
  const { app, pushUrl, stateOf } = await liveServer(t, wechat, { WECHAT_PUSH_AES_KEY: aesKey })
  const rider = await signInLiveUser(app, 'ok-sealed')
  const photoId = (await uploadPhoto(app, rider)).json().id
  const timestamp = String(Math.floor(Date.now() / 1000))
  const plain = await fetch(
    `${pushUrl}?${new URLSearchParams({ signature: pushSignature(PUSH_TOKEN, timestamp, 'n'), timestamp, nonce: 'n' })}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        Event: 'wxa_media_check',
        trace_id: wechat.wxa.mediaChecks[0]?.trace_id,
        result: { suggest: 'pass', label: 100 },
      }),
    },
  )
  t.equal(plain.status, 401, 'in safe mode only a sealed push counts')
  t.equal(await stateOf(photoId), 'pending')
  t.same(await wechat.answerMediaChecks(), [{ status: 200, text: 'success' }])
  t.equal(await stateOf(photoId), 'passed')
})

t.test('the link WeChat downloads by names one photo for an hour', async (t) => {
  const links = createMediaLinks('x'.repeat(32))
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e'
  const now = new Date('2026-12-07T08:00:00Z')
  const token = links.token(id, now)
  t.equal(links.photoOf(token, now), id)
  t.equal(links.photoOf(token, new Date(now.getTime() + (MEDIA_LINK_SECONDS + 1) * 1000)), null)
  t.equal(links.photoOf(token.replace(/^0f/, '1f'), now), null, 'another photo: forged')
  t.equal(createMediaLinks('y'.repeat(32)).photoOf(token, now), null, 'another secret')
  t.equal(links.photoOf('garbage', now), null)

  const wechat = await startFakeWechat()
  t.teardown(() => wechat.close())
  const { app, base } = await liveServer(t, wechat)
  const rider = await signInLiveUser(app, 'ok-link')
  await uploadPhoto(app, rider)
  const link = wechat.wxa.mediaChecks[0]?.media_url ?? ''
  const fetched = await fetch(link)
  t.equal(fetched.status, 200)
  t.same(Buffer.from(await fetched.arrayBuffer()), TINY_PNG)
  const forged = await fetch(`${base}/api/v1/wechat/media/${links.token(id, new Date())}`)
  t.equal(forged.status, 404, 'a link signed with another key opens nothing')
})
