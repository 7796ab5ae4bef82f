import t from 'tap'
import { signInStaff } from './fixtures/accounts.ts'
import { activityInput, member, place, signUp } from './fixtures/activities.ts'
import { branchInput, placeInput } from './fixtures/matrix-places.ts'
import { buildTestApp } from './helper.ts'

const HOUR = 60 * 60 * 1000

/** The field messages of a refused request, by field. */
function fieldsOf(body: string): Record<string, string> {
  const fields = JSON.parse(body).error.fields ?? []
  return Object.fromEntries(
    fields.map((f: { field: string; message: string }) => [f.field, f.message]),
  )
}

t.test('staff publish, edit and cancel activities of their jurisdiction', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  let now = new Date('2026-07-01T01:00:00Z')
  app.clock = () => now
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString()
  const station = await signInStaff(app, 'act.station', 'station', '350102')
  const siming = await signInStaff(app, 'act.siming', 'county', '350203')
  const city = await signInStaff(app, 'act.city', 'city', '350100')
  const branch = await place(app, station, branchInput())
  const simingPlace = await place(app, siming, placeInput({ regionCode: '350203' }))
  const input = (overrides: Record<string, unknown> = {}) =>
    activityInput(branch.id, { startsAt: at(24), endsAt: at(26), ...overrides })
  const post = (account = station, payload: Record<string, unknown> = input()) =>
    app.inject({ method: 'POST', url: '/api/v1/staff/activities', headers: account.auth, payload })

  const bad: [Record<string, unknown>, string, string][] = [
    [input({ endsAt: at(23) }), 'body.endsAt', '结束时间应晚于开始时间'],
    [input({ endsAt: at(24) }), 'body.endsAt', '结束时间应晚于开始时间'],
    [input({ startsAt: at(-1) }), 'body.startsAt', '开始时间不能早于现在'],
    [input({ capacity: 0 }), 'body.capacity', '人数上限至少为1'],
    [input({ kind: 'party' }), 'body.kind', '请选择活动类型'],
    [input({ title: '' }), 'body.title', '活动名称至少2个字'],
    [input({ audience: 'branch' }), 'body.branchId', '请选择党支部'],
    [input({ venue: { placeId: simingPlace.id } }), 'body.venue.placeId', '不在本辖区'],
    [
      input({
        venue: {
          address: '厦门市思明区某路1号',
          regionCode: '350203',
          location: { lat: 24.4, lng: 118.1 },
        },
      }),
      'body.venue.regionCode',
      '活动地点不在本辖区',
    ],
    [
      input({
        venue: { address: '某路1号', regionCode: '350102', location: { lat: 10, lng: 10 } },
      }),
      'body.venue.location.lng',
      '经度超出中国范围',
    ],
    [input({ audience: 'branch', branchId: simingPlace.id }), 'body.branchId', '流动党员党支部'],
  ]
  for (const [payload, field, message] of bad) {
    const res = await post(station, payload)
    t.equal(res.statusCode, 400, `${field}: ${res.body}`)
    t.match(fieldsOf(res.body)[field] ?? '', message, `${field} says why`)
  }
  t.equal(
    await app.db
      .selectFrom('activities')
      .select('id')
      .execute()
      .then((r) => r.length),
    0,
  )

  const published = await post()
  t.equal(published.statusCode, 201, published.body)
  t.match(published.json(), {
    kind: 'theme_day',
    placeId: branch.id,
    address: '福州市鼓楼区测试路1号',
    regionCode: '350102',
    capacity: 30,
    signedUp: 0,
    state: 'published',
    signups: [],
    attendances: [],
  })
  const id = published.json().id
  const overlapping = await post(station, input({ startsAt: at(25), endsAt: at(27) }))
  t.equal(overlapping.statusCode, 400, 'the branch is taken from 24 h to 26 h')
  t.match(fieldsOf(overlapping.body)['body.startsAt'], '该场所在此时段已有活动')
  const byAddress = await post(
    station,
    input({
      title: '地址上的党课',
      kind: 'party_lecture',
      venue: {
        address: '鼓楼区某大厦5楼',
        regionCode: '350102',
        location: { lat: 26.09, lng: 119.3 },
      },
    }),
  )
  t.equal(byAddress.statusCode, 201, byAddress.body)
  t.match(byAddress.json(), { placeId: null, location: { lat: 26.09, lng: 119.3 } })

  const read = (account = station) =>
    app.inject({ url: `/api/v1/staff/activities/${id}`, headers: account.auth })
  t.equal((await read()).statusCode, 200)
  t.equal((await read(city)).statusCode, 200, 'the city above sees it')
  t.equal((await read(siming)).statusCode, 404, 'another county does not')

  const list = async (account = station, query = '') =>
    (await app.inject({ url: `/api/v1/staff/activities?${query}`, headers: account.auth })).json()
  const first = await list(station, 'limit=1')
  t.equal(first.total, 2)
  t.equal(first.items.length, 1)
  t.ok(first.next)
  const second = await list(station, `limit=1&after=${first.next}`)
  t.equal(second.items.length, 1)
  t.not(second.items[0].id, first.items[0].id, 'the next page continues')
  t.equal(second.next, null)
  t.same(
    await list(siming),
    { items: [], next: null, total: 0 },
    'nothing outside the jurisdiction',
  )

  const put = (payload: Record<string, unknown>, account = station) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/staff/activities/${id}`,
      headers: account.auth,
      payload,
    })
  const alice = await member(app, 'act-alice')
  const bob = await member(app, 'act-bob')
  t.equal((await signUp(app, alice, id)).statusCode, 204)
  t.equal((await signUp(app, bob, id)).statusCode, 204)
  const tooSmall = await put(input({ capacity: 1 }))
  t.equal(tooSmall.statusCode, 400)
  t.equal(fieldsOf(tooSmall.body)['body.capacity'], '人数上限不能少于已报名的2人')
  const backwards = await put(input({ startsAt: at(30), endsAt: at(29) }))
  t.equal(fieldsOf(backwards.body)['body.endsAt'], '结束时间应晚于开始时间')
  const past = await put(input({ startsAt: at(-2), endsAt: at(1) }))
  t.equal(fieldsOf(past.body)['body.startsAt'], '开始时间不能早于现在')
  t.equal((await put(input(), siming)).statusCode, 404)
  const edited = await put(input({ capacity: 2, title: '改过的主题党日' }))
  t.equal(edited.statusCode, 200, edited.body)
  t.match(edited.json(), { capacity: 2, title: '改过的主题党日', signedUp: 2 })

  const cancel = (reason: string, account = station) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/staff/activities/${id}/cancel`,
      headers: account.auth,
      payload: { reason },
    })
  t.equal(fieldsOf((await cancel('')).body)['body.reason'], '取消原因至少2个字')
  t.equal((await cancel('台风停课', siming)).statusCode, 404)
  const cancelled = await cancel('台风停课')
  t.equal(cancelled.statusCode, 200)
  t.match(cancelled.json(), { state: 'cancelled', cancelReason: '台风停课' })
  t.equal((await cancel('再取消一次')).statusCode, 409)
  t.equal((await put(input())).statusCode, 409, 'a cancelled activity is not edited')

  const mine = (await app.inject({ url: '/api/v1/activities/mine', headers: alice.auth })).json()
  t.match(mine.items, [{ id, state: 'cancelled', cancelReason: '台风停课', signedUpByMe: true }])

  now = new Date(now.getTime() + HOUR)
  const audit = await app.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'target_id'])
    .where('action', 'like', 'activity.%')
    .where('actor_role', '=', 'staff')
    .orderBy('id')
    .execute()
  t.same(
    audit.map((row) => row.action),
    ['activity.publish', 'activity.publish', 'activity.update', 'activity.cancel'],
  )
  t.ok(audit.every((row) => row.actor_id === station.id))
})
