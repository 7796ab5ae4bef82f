import ExcelJS from 'exceljs'
import t from 'tap'
import { signInStaff } from './fixtures/accounts.ts'
import { member } from './fixtures/activities.ts'
import { consentingUser } from './fixtures/memberships.ts'
import { uploadPhoto } from './fixtures/pledges.ts'
import { buildTestApp } from './helper.ts'

/** The field messages of a refused request, by field. */
function fieldsOf(body: string): Record<string, string> {
  const fields = JSON.parse(body).error.fields ?? []
  return Object.fromEntries(
    fields.map((f: { field: string; message: string }) => [f.field, f.message]),
  )
}

/** A housing estate in 鼓楼区 (350102) that bars riders, as chooseLocation gives it. */
const estate = {
  name: '某某花园小区',
  address: '福州市鼓楼区五四路100号',
  regionCode: '350102',
  location: { lat: 26.0865, lng: 119.2965 },
}

t.test('a rider raises a difficulty; its county replies, forwards and closes it', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const rider = await member(app, '诉求骑手')
  const station = await signInStaff(app, 'diff.station', 'station', '350102')
  const gulou = await signInStaff(app, 'diff.gulou', 'county', '350102')
  const taijiang = await signInStaff(app, 'diff.taijiang', 'county', '350103')
  const siming = await signInStaff(app, 'diff.siming', 'county', '350203')
  const fuzhou = await signInStaff(app, 'diff.fuzhou', 'city', '350100')
  const photo = (await uploadPhoto(app, rider)).json().id as string
  const raise = (payload: Record<string, unknown>, by = rider) =>
    app.inject({ method: 'POST', url: '/api/v1/difficulties', headers: by.auth, payload })
  const good = {
    category: 'entry',
    text: '小区保安不让骑手进门送餐',
    photoIds: [photo],
    place: estate,
  }

  const someoneElses = (await uploadPhoto(app, await member(app, '别的骑手'))).json().id
  const refused: [Record<string, unknown>, string, string][] = [
    [{ ...good, category: 'noise' }, 'body.category', '请选择诉求类别'],
    [{ ...good, text: '不让进' }, 'body.text', '诉求内容'],
    [{ ...good, text: '小区里有人赌博，不让进门' }, 'body.text', '不宜公开'],
    [{ ...good, photoIds: [someoneElses] }, 'body.photoIds.0', '不是你上传的'],
    [{ ...good, photoIds: [photo, photo] }, 'body.photoIds', '同一张照片只能放一次'],
    [
      { ...good, place: { ...estate, regionCode: '999999' } },
      'body.place.regionCode',
      '行政区划代码',
    ],
    [
      { ...good, place: { ...estate, regionCode: '350199' } },
      'body.place.regionCode',
      '没有这个区县',
    ],
    [{ ...good, place: { ...estate, regionCode: '350100' } }, 'body.place.regionCode', '区县'],
    [
      { ...good, place: { ...estate, location: { lat: 10, lng: 10 } } },
      'body.place.location.lng',
      '中国',
    ],
  ]
  for (const [payload, field, message] of refused) {
    const res = await raise(payload)
    t.equal(res.statusCode, 400, `${field}: ${res.body}`)
    t.match(fieldsOf(res.body)[field] ?? '', message, field)
  }
  const notRider = await raise(good, await consentingUser(app, '未选身份'))
  t.equal(notRider.statusCode, 403, 'riders raise difficulties')
  t.equal(
    (await app.db.selectFrom('difficulties').select('id').execute()).length,
    0,
    'nothing written',
  )

  const raised = await raise(good)
  t.equal(raised.statusCode, 201, raised.body)
  const id = raised.json().id
  t.match(raised.json(), {
    category: 'entry',
    regionCode: '350102',
    regionName: '鼓楼区',
    state: 'open',
    photoIds: [photo],
    place: { name: '某某花园小区', location: estate.location },
    events: [{ kind: 'raised' }],
  })
  // Without a place it goes to the county of the rider's registration.
  const unplaced = await raise({ category: 'charging', text: '站点附近没有充电柜，电池不够用' })
  t.equal(unplaced.statusCode, 201, unplaced.body)
  t.equal(unplaced.json().regionCode, '350102')

  // Staff of the county (and the station in it) see it; another county does not.
  const list = (account = gulou, query = '') =>
    app.inject({ url: `/api/v1/staff/difficulties${query}`, headers: account.auth })
  t.match((await list()).json(), { total: 2, items: [{ id, riderName: /^党员\d+$/ }] })
  t.equal((await list(station)).json().total, 2)
  t.equal((await list(siming)).json().total, 0)
  t.equal((await list(gulou, '?category=charging')).json().total, 1)
  const staffView = (account = gulou) =>
    app.inject({ url: `/api/v1/staff/difficulties/${id}`, headers: account.auth })
  t.equal((await staffView(siming)).statusCode, 404, 'outside the jurisdiction')
  const shown = await app.inject({
    url: `/api/v1/staff/difficulties/${id}/photos/${photo}`,
    headers: gulou.auth,
  })
  t.equal(shown.statusCode, 200)
  t.equal(shown.headers['content-type'], 'image/png')

  // Feedback waits for an answer.
  const feedback = (helpful: boolean) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/difficulties/${id}/feedback`,
      headers: rider.auth,
      payload: { helpful },
    })
  t.equal((await feedback(true)).statusCode, 409)
  const reply = await app.inject({
    method: 'POST',
    url: `/api/v1/staff/difficulties/${id}/reply`,
    headers: station.auth,
    payload: { text: '已联系物业，正在协调' },
  })
  t.equal(reply.statusCode, 200, reply.body)
  const mine = () => app.inject({ url: `/api/v1/difficulties/${id}`, headers: rider.auth })
  t.match((await mine()).json().events, [
    { kind: 'raised' },
    { kind: 'reply', text: '已联系物业，正在协调' },
  ])
  t.equal((await feedback(false)).statusCode, 200)
  t.equal((await mine()).json().helpful, false)

  // A county cannot forward outside its jurisdiction; the city can, within its own.
  const forward = (account: typeof gulou, regionCode: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/staff/difficulties/${id}/forward`,
      headers: account.auth,
      payload: { regionCode, note: '该小区属台江区管辖' },
    })
  t.match(fieldsOf((await forward(gulou, '350103')).body), {
    'body.regionCode': '只能转给本辖区内的区县',
  })
  t.match(fieldsOf((await forward(fuzhou, '350100')).body), { 'body.regionCode': '区县' })
  t.match(fieldsOf((await forward(fuzhou, '350102')).body), { 'body.regionCode': '已在' })
  const moved = await forward(fuzhou, '350103')
  t.equal(moved.statusCode, 200, moved.body)
  t.equal(moved.json().regionCode, '350103')
  t.equal((await staffView(gulou)).statusCode, 404, 'gone from 鼓楼')
  t.equal((await staffView(taijiang)).statusCode, 200, 'now with 台江')
  t.match((await mine()).json().events.at(-1), {
    kind: 'forward',
    text: '该小区属台江区管辖',
    regionName: '台江区',
  })

  const close = (payload: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/staff/difficulties/${id}/close`,
      headers: taijiang.auth,
      payload,
    })
  t.match(fieldsOf((await close({ outcome: 'unsolvable' })).body), {
    'body.note': '请写明原因',
  })
  const closed = await close({ outcome: 'solved', note: '物业已允许骑手登记后进入' })
  t.equal(closed.statusCode, 200, closed.body)
  t.match(closed.json(), { state: 'closed', outcome: 'solved' })
  t.equal((await close({ outcome: 'solved' })).statusCode, 409, 'closed once')
  const lateReply = await app.inject({
    method: 'POST',
    url: `/api/v1/staff/difficulties/${id}/reply`,
    headers: taijiang.auth,
    payload: { text: '补充说明' },
  })
  t.equal(lateReply.statusCode, 409)
  const audit = await app.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_type', '=', 'difficulty')
    .orderBy('id')
    .execute()
  t.same(
    audit.map((row) => row.action),
    [
      'difficulty.raise',
      'difficulty.raise',
      'difficulty.reply',
      'difficulty.feedback',
      'difficulty.forward',
      'difficulty.close',
    ],
  )
})

t.test('我也遇到 instead of a duplicate, and the daily limit', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const first = await member(app, '先提的骑手')
  const second = await member(app, '后来的骑手')
  const raise = (by: typeof first, text: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/difficulties',
      headers: by.auth,
      payload: { category: 'parking', text, place: estate },
    })
  const raised = await raise(first, '写字楼门口不让停电动车')
  const id = raised.json().id
  // 500 m away: found; the point is only the query's.
  const nearby = (by: typeof first, lat = 26.0905, lng = 119.2995) =>
    app.inject({ url: `/api/v1/difficulties/nearby?lat=${lat}&lng=${lng}`, headers: by.auth })
  const seen = (await nearby(second)).json().items
  t.match(seen, [{ id, category: 'parking', meToo: 0, mine: false, meTooByMe: false }])
  t.ok(seen[0].distance > 300 && seen[0].distance < 700, `distance ${seen[0].distance}`)
  t.notOk('riderName' in seen[0], 'no rider is named')
  t.same((await nearby(second, 24.48, 118.09)).json().items, [], 'not from Xiamen')
  const meToo = (by: typeof first) =>
    app.inject({ method: 'POST', url: `/api/v1/difficulties/${id}/me-too`, headers: by.auth })
  t.equal((await meToo(second)).statusCode, 204)
  t.equal((await meToo(second)).statusCode, 204, 'twice is once')
  t.equal((await meToo(first)).statusCode, 409, 'not on one’s own')
  t.match((await nearby(second)).json().items, [{ id, meToo: 1, meTooByMe: true }])
  t.match((await nearby(first)).json().items, [{ id, meToo: 1, mine: true }])

  for (let i = 2; i <= 5; i++) t.equal((await raise(first, `第${i}条停车难的诉求`)).statusCode, 201)
  const sixth = await raise(first, '第六条停车难的诉求')
  t.equal(sixth.statusCode, 429)
  t.match(sixth.json().error.message, '每天最多提交5条')
  t.equal((await raise(second, '另一位骑手的诉求')).statusCode, 201, 'per rider')
})

t.test("in the rider's data export; gone with the account", async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const rider = await member(app, '导出骑手')
  const other = await member(app, '附和骑手')
  const county = await signInStaff(app, 'diff.export', 'county', '350102')
  const raised = await app.inject({
    method: 'POST',
    url: '/api/v1/difficulties',
    headers: rider.auth,
    payload: { category: 'stairs', text: '写字楼电梯不让外卖员乘坐', place: estate },
  })
  const id = raised.json().id
  await app.inject({
    method: 'POST',
    url: `/api/v1/staff/difficulties/${id}/reply`,
    headers: county.auth,
    payload: { text: '已与物业约定送餐时段' },
  })
  await app.inject({
    method: 'POST',
    url: `/api/v1/difficulties/${id}/me-too`,
    headers: other.auth,
  })
  const exported = (await app.inject({ url: '/api/v1/me/data', headers: rider.auth })).json()
  t.match(exported.difficulties, [
    {
      category: 'stairs',
      text: '写字楼电梯不让外卖员乘坐',
      region_name: '鼓楼区',
      replies: '已与物业约定送餐时段',
    },
  ])
  const xlsx = await app.inject({ url: '/api/v1/me/data.xlsx', headers: rider.auth })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('诉求')
  t.same(
    [sheet?.getCell(3, 2).value, sheet?.getCell(3, 8).value],
    ['上楼难', '已与物业约定送餐时段'],
  )

  const gone = await app.inject({ method: 'DELETE', url: '/api/v1/me', headers: rider.auth })
  t.equal(gone.statusCode, 204)
  const left = await app.db.selectFrom('difficulties').select('id').execute()
  t.same(left, [], 'the difficulty goes with the account')
  t.same(await app.db.selectFrom('difficulty_me_too').select('user_id').execute(), [])
})
