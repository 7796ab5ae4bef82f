import t from 'tap'
import { type Account, signInLiveUser, signInStaff } from './fixtures/accounts.ts'
import { activityInput, place, publish, signUp } from './fixtures/activities.ts'
import { startFakeWechat } from './fixtures/fake-wechat.ts'
import { placeInput } from './fixtures/matrix-places.ts'
import { residentId, riderForm, submitMembership } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

const HOUR = 60 * 60 * 1000

/**
 * Members signed up for an activity hear from WeChat when it is about to start and when
 * it is cancelled (a subscribe message, with the template configured and WeChat live); a
 * reminder goes once, from one server, however often the job runs.
 */
t.test('reminders before the start and notices of a cancellation', async (t) => {
  const wechat = await startFakeWechat()
  t.teardown(() => wechat.close())
  const live = {
    WECHAT_MODE: 'live',
    WECHAT_APPID: 'wx-test-app',
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_TIMEOUT_MS: '500',
    WECHAT_ACTIVITY_TEMPLATE_ID: 'tmpl-activity',
    ACTIVITY_REMIND_MINUTES: '60',
  }
  const app = await buildTestApp(t, live)
  await app.ready()
  let now = new Date('2026-07-01T01:00:00Z')
  app.clock = () => now
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString()
  const county = await signInStaff(app, 'notice.county', 'county', '350102')
  const venue = await place(app, county, placeInput({ name: '鼓楼区骑手驿站' }))
  let serial = 0
  const liveMember = async (code: string): Promise<Account> => {
    serial += 1
    const account = await signInLiveUser(app, code)
    const form = riderForm({
      riderId: `MT-N${serial}`,
      mobile: `1391234${String(serial).padStart(4, '0')}`,
      idNumber: residentId('350102', '19900202', String(100 + serial)),
    })
    const entry = await submitMembership(app, account, form)
    await app.db
      .updateTable('memberships')
      .set({ state: 'verified' })
      .where('id', '=', entry.id)
      .execute()
    return account
  }
  const alice = await liveMember('ok-alice')
  const bob = await liveMember('ok-unsubscribed-bob')
  const carol = await liveMember('ok-carol')

  const soon = await publish(
    app,
    county,
    activityInput(venue.id, { title: '七一主题党日', startsAt: at(3), endsAt: at(5) }),
  )
  const later = await publish(
    app,
    county,
    activityInput(venue.id, { title: '党课：新就业群体', startsAt: at(30), endsAt: at(32) }),
  )
  for (const account of [alice, bob]) t.equal((await signUp(app, account, soon.id)).statusCode, 204)
  t.equal((await signUp(app, carol, later.id)).statusCode, 204)

  t.equal(await app.remindActivities(), 0, 'three hours ahead: not yet')
  t.equal(wechat.sent.length, 0)
  now = new Date(now.getTime() + 2.5 * HOUR)
  t.equal(await app.remindActivities(), 1, 'half an hour ahead: its members are reminded')
  t.same(
    wechat.sent.map((message) => message.touser),
    ['o-alice'],
    'bob did not subscribe: nothing reaches him, and nothing fails',
  )
  const [reminder] = wechat.sent
  t.equal(reminder?.template_id, 'tmpl-activity')
  t.equal(reminder?.page, `packageActivity/pages/detail/index?id=${soon.id}`)
  t.equal(reminder?.data.thing1?.value, '七一主题党日')
  t.equal(reminder?.data.time2?.value, '2026-07-01 12:00')
  t.equal(reminder?.data.thing3?.value, '鼓楼区骑手驿站')
  t.equal(reminder?.data.thing4?.value, '活动即将开始，请按时到场签到')

  t.equal(await app.remindActivities(), 0, 'a second pass reminds nobody again')
  const [first, second] = await Promise.all([app.remindActivities(), app.remindActivities()])
  t.equal((first ?? 0) + (second ?? 0), 0)
  t.equal(wechat.sent.length, 1)

  const cancelled = await app.inject({
    method: 'POST',
    url: `/api/v1/staff/activities/${later.id}/cancel`,
    headers: county.auth,
    payload: { reason: '台风预警，改期举行' },
  })
  t.equal(cancelled.statusCode, 200)
  t.equal(wechat.sent.length, 2)
  t.equal(wechat.sent[1]?.touser, 'o-carol')
  t.equal(wechat.sent[1]?.data.thing4?.value, '活动已取消：台风预警，改期举行')

  // Moved to a new time: reminded again before the new start.
  const square = await place(app, county, placeInput({ name: '五一广场' }))
  const moved = await publish(
    app,
    county,
    activityInput(square.id, { title: '志愿服务', startsAt: at(0.5), endsAt: at(2) }),
  )
  t.equal((await signUp(app, carol, moved.id)).statusCode, 204)
  t.equal(await app.remindActivities(), 1)
  const edit = await app.inject({
    url: `/api/v1/staff/activities/${moved.id}`,
    headers: county.auth,
  })
  const body = edit.json()
  const put = await app.inject({
    method: 'PUT',
    url: `/api/v1/staff/activities/${moved.id}`,
    headers: county.auth,
    payload: {
      ...activityInput(square.id, { title: body.title, startsAt: at(24), endsAt: at(26) }),
    },
  })
  t.equal(put.statusCode, 200, put.body)
  now = new Date(now.getTime() + 23.5 * HOUR)
  t.equal(await app.remindActivities(), 1, 'the new time is reminded of')
  t.same(
    wechat.sent.map((message) => message.touser),
    ['o-alice', 'o-carol', 'o-carol', 'o-carol'],
  )
})

t.test('no template or no live WeChat: no reminder job, and cancelling still works', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  t.equal(await app.remindActivities(), 0)
  const county = await signInStaff(app, 'quiet.county', 'county', '350102')
  const venue = await place(app, county, placeInput())
  const activity = await publish(app, county, activityInput(venue.id))
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/staff/activities/${activity.id}/cancel`,
    headers: county.auth,
    payload: { reason: '场地临时不可用' },
  })
  t.equal(res.statusCode, 200)
  const row = await app.db
    .selectFrom('activities')
    .select('reminded_at')
    .where('id', '=', activity.id)
    .executeTakeFirstOrThrow()
  t.equal(row.reminded_at, null)
})
