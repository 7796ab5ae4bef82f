import { chinaYear } from '@djt/shared'
import ExcelJS from 'exceljs'
import t from 'tap'
import { signInStaff } from './fixtures/accounts.ts'
import { member } from './fixtures/activities.ts'
import { membershipOf, nominate } from './fixtures/matrix-honours.ts'
import { consentingUser, riderForm, submitMembership } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

/** The field messages of a refused request, by field. */
function fieldsOf(body: string): Record<string, string> {
  const fields = JSON.parse(body).error.fields ?? []
  return Object.fromEntries(
    fields.map((f: { field: string; message: string }) => [f.field, f.message]),
  )
}

const citation = '暴雨天坚持送餐，路遇老人摔倒及时送医'

t.test(
  'county staff nominate a verified member rider; bad input refused, nothing written',
  async (t) => {
    const app = await buildTestApp(t)
    await app.ready()
    const rider = await member(app, '荣誉骑手')
    const membershipId = await membershipOf(app, rider)
    const station = await signInStaff(app, 'honour.station', 'station', '350102')
    const gulou = await signInStaff(app, 'honour.gulou', 'county', '350102')
    const siming = await signInStaff(app, 'honour.siming', 'county', '350203')
    const fuzhou = await signInStaff(app, 'honour.fuzhou', 'city', '350100')
    const year = chinaYear()
    const good = { membershipId, year, cityCode: '350100', citation }
    const send = (payload: Record<string, unknown>, by = gulou) =>
      app.inject({ method: 'POST', url: '/api/v1/staff/honours', headers: by.auth, payload })

    const pending = await consentingUser(app, '待核验骑手')
    const unverified = await submitMembership(app, pending, riderForm({ name: '待核验' }))
    const refused: [Record<string, unknown>, string, string][] = [
      [{ ...good, membershipId: unverified.id }, 'body.membershipId', '已核验'],
      [{ ...good, year: year - 2 }, 'body.year', `${year}年或${year - 1}年`],
      [{ ...good, year: 'x' }, 'body.year', '评选年度'],
      [{ ...good, cityCode: '999999' }, 'body.cityCode', '行政区划代码'],
      [{ ...good, cityCode: '350199' }, 'body.cityCode', '没有这个设区市代码'],
      [{ ...good, cityCode: '350102' }, 'body.cityCode', '设区市'],
      [{ ...good, cityCode: '350200' }, 'body.cityCode', '不在这个设区市'],
      [{ ...good, citation: '表现好' }, 'body.citation', '推荐事迹至少10个字'],
      [{ ...good, citation: '送餐途中经常参与赌博活动的骑手' }, 'body.citation', '不宜公开'],
    ]
    for (const [payload, field, message] of refused) {
      const res = await send(payload)
      t.equal(res.statusCode, 400, `${field}: ${res.body}`)
      t.match(fieldsOf(res.body)[field] ?? '', message, field)
    }
    const outside = await send(good, siming)
    t.equal(outside.statusCode, 400, 'a rider outside the jurisdiction')
    t.match(fieldsOf(outside.body)['body.membershipId'], '本辖区内没有这名骑手')
    t.equal((await send(good, station)).statusCode, 403, 'a guidance station does not nominate')
    t.same(await app.db.selectFrom('rider_honours').select('id').execute(), [], 'nothing written')

    const made = await send(good)
    t.equal(made.statusCode, 201, made.body)
    t.match(made.json(), {
      state: 'pending',
      year,
      cityName: '福州市',
      regionName: '鼓楼区',
      citation,
      shownName: null,
    })
    const again = await send({ ...good, citation: '再次推荐：热心帮助同行骑手' }, fuzhou)
    t.equal(again.statusCode, 409, 'the same rider, city and year')
    t.match(again.json().error.message, `${year}年福州市最美骑手，同一年度不能重复推荐`)
    t.equal((await send({ ...good, year: year - 1 })).statusCode, 201, 'another year is another')

    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'honour.nominate')
      .execute()
    t.equal(audit.length, 2, 'each nomination audited')
    t.equal(audit[0]?.target_id, made.json().id)

    const riders = await app.inject({
      url: `/api/v1/staff/honours/riders?name=${encodeURIComponent('党员')}`,
      headers: gulou.auth,
    })
    t.match(riders.json().items, [{ membershipId, cityCode: '350100', cityName: '福州市' }])
    t.notMatch(riders.body, /待核验/, 'only verified riders are found')
    const none = await app.inject({ url: '/api/v1/staff/honours/riders', headers: siming.auth })
    t.same(none.json().items, [], 'only riders of the jurisdiction')
  },
)

t.test(
  'the rider accepts, withdraws, accepts again; staff revoke; the public list follows',
  async (t) => {
    const app = await buildTestApp(t)
    await app.ready()
    const rider = await member(app, '公开骑手')
    const other = await member(app, '旁人骑手')
    const gulou = await signInStaff(app, 'honour.gulou2', 'county', '350102')
    const siming = await signInStaff(app, 'honour.siming2', 'county', '350203')
    const id = await nominate(app, gulou, await membershipOf(app, rider), citation)
    const publicList = async (query = '') =>
      (await app.inject({ url: `/api/v1/public/honours${query}` })).json()
    const answer = (what: 'accept' | 'decline', payload?: object, by = rider) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/honours/${id}/${what}`,
        headers: by.auth,
        ...(payload ? { payload } : {}),
      })

    const mine = await app.inject({ url: '/api/v1/honours/mine', headers: rider.auth })
    t.match(mine.json().items, [{ id, state: 'pending', cityName: '福州市', citation }])
    t.same((await publicList()).items, [], 'pending honours are not public')
    t.equal((await answer('accept', { nameShown: 'surname' }, other)).statusCode, 404, 'not theirs')
    const noChoice = await answer('accept', {})
    t.equal(noChoice.statusCode, 400)
    t.match(fieldsOf(noChoice.body)['body.nameShown'], '请选择公开时的称呼')

    const accepted = await answer('accept', { nameShown: 'surname' })
    t.equal(accepted.statusCode, 200, accepted.body)
    t.match(accepted.json(), { state: 'accepted', shownName: '党师傅', nameShown: 'surname' })
    const shown = await publicList(`?year=${chinaYear()}&city=350100`)
    t.equal(shown.items.length, 1)
    t.same(Object.keys(shown.items[0]).sort(), [
      'citation',
      'cityCode',
      'cityName',
      'id',
      'platform',
      'shownName',
      'year',
    ])
    t.match(shown.items[0], { shownName: '党师傅', platform: 'meituan', cityName: '福州市' })
    t.notMatch(
      JSON.stringify(shown),
      /党员\d|1381234|3501\d{12}/,
      'no full name, mobile or ID number',
    )
    t.same(shown.years, [chinaYear()])
    t.same(shown.cities, [{ code: '350100', name: '福州市' }])
    t.same((await publicList('?city=350200')).items, [], 'by city')
    t.same((await publicList(`?year=${chinaYear() - 1}`)).items, [], 'by year')

    t.equal((await answer('decline')).statusCode, 200, 'consent withdrawn')
    t.same((await publicList()).items, [], 'gone from the public list')
    t.equal((await answer('decline')).statusCode, 409, 'already not shown')
    const full = await answer('accept', { nameShown: 'full' })
    t.match(full.json(), { state: 'accepted', shownName: /^党员\d+$/ })
    t.equal((await publicList()).items.length, 1, 'shown again, under the full name')
    await app.db
      .updateTable('memberships')
      .set({ state: 'revoked' })
      .where('user_id', '=', rider.id)
      .execute()
    t.same((await publicList()).items, [], 'not while the registration is revoked')
    await app.db
      .updateTable('memberships')
      .set({ state: 'verified' })
      .where('user_id', '=', rider.id)
      .execute()
    t.equal((await publicList()).items.length, 1, 'back once verified again')

    const revokeUrl = `/api/v1/staff/honours/${id}/revoke`
    const outside = await app.inject({
      method: 'POST',
      url: revokeUrl,
      headers: siming.auth,
      payload: { reason: '核实有误' },
    })
    t.equal(outside.statusCode, 404, 'outside the jurisdiction the honour does not exist')
    const noReason = await app.inject({
      method: 'POST',
      url: revokeUrl,
      headers: gulou.auth,
      payload: { reason: '' },
    })
    t.match(fieldsOf(noReason.body)['body.reason'], '撤销原因')
    const revoked = await app.inject({
      method: 'POST',
      url: revokeUrl,
      headers: gulou.auth,
      payload: { reason: '经核实存在违规送餐投诉' },
    })
    t.equal(revoked.statusCode, 200, revoked.body)
    t.match(revoked.json(), { state: 'revoked', revokeReason: '经核实存在违规送餐投诉' })
    t.same((await publicList()).items, [], 'a revoked honour is not public')
    t.equal((await answer('accept', { nameShown: 'full' })).statusCode, 409, 'no answer after')
    const seen = await app.inject({ url: '/api/v1/honours/mine', headers: rider.auth })
    t.match(seen.json().items, [{ state: 'revoked', revokeReason: '经核实存在违规送餐投诉' }])
    const actions = await app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('target_id', '=', id)
      .orderBy('id')
      .execute()
    t.same(
      actions.map((a) => `${a.actor_role} ${a.action}`),
      [
        'staff honour.nominate',
        'user honour.accept',
        'user honour.withdraw',
        'user honour.accept',
        'staff honour.revoke',
      ],
    )
    t.equal(
      (await app.inject({ url: '/api/v1/staff/honours', headers: siming.auth })).json().total,
      0,
      "another county's list holds none",
    )
    const renominated = await nominate(app, gulou, await membershipOf(app, rider), citation)
    t.ok(renominated, 'after a revocation the rider may be nominated again')
  },
)

t.test('the public list pages, refuses a city that does not exist', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const gulou = await signInStaff(app, 'honour.gulou3', 'county', '350102')
  const fuzhou = await signInStaff(app, 'honour.fuzhou3', 'city', '350100')
  for (const name of ['甲骑手', '乙骑手', '丙骑手']) {
    const rider = await member(app, name)
    const id = await nominate(app, gulou, await membershipOf(app, rider))
    await app.inject({
      method: 'POST',
      url: `/api/v1/honours/${id}/accept`,
      headers: rider.auth,
      payload: { nameShown: 'full' },
    })
  }
  const first = await app.inject({ url: '/api/v1/public/honours?limit=2' })
  t.equal(first.json().items.length, 2)
  const second = await app.inject({
    url: `/api/v1/public/honours?limit=2&after=${first.json().next}`,
  })
  t.equal(second.json().items.length, 1)
  t.equal(second.json().next, null)
  const ids = [...first.json().items, ...second.json().items].map((i: { id: string }) => i.id)
  t.equal(new Set(ids).size, 3, 'every honour once')

  const refused: [string, string][] = [
    ['city=350199', '没有这个设区市代码'],
    ['city=350102', '设区市'],
    ['city=12', '行政区划代码'],
    ['after=garbage', '分页参数无效'],
  ]
  for (const [query, message] of refused) {
    const res = await app.inject({ url: `/api/v1/public/honours?${query}` })
    t.equal(res.statusCode, 400, query)
    t.match(Object.values(fieldsOf(res.body))[0], message, query)
  }
  const staffPage = await app.inject({ url: '/api/v1/staff/honours?limit=2', headers: fuzhou.auth })
  t.match(staffPage.json(), { total: 3, next: /./ })
  const narrowed = await app.inject({
    url: '/api/v1/staff/honours?region=350203',
    headers: gulou.auth,
  })
  t.equal(narrowed.statusCode, 403, 'a region outside the jurisdiction')
})

t.test("in the rider's data export; gone with the account", async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const rider = await member(app, '导出荣誉骑手')
  const gulou = await signInStaff(app, 'honour.export', 'county', '350102')
  const id = await nominate(app, gulou, await membershipOf(app, rider), citation)
  await app.inject({
    method: 'POST',
    url: `/api/v1/honours/${id}/accept`,
    headers: rider.auth,
    payload: { nameShown: 'surname' },
  })
  const exported = (await app.inject({ url: '/api/v1/me/data', headers: rider.auth })).json()
  t.match(exported.honours, [
    { city_name: '福州市', citation, state: 'accepted', shown_name: '党师傅' },
  ])
  const xlsx = await app.inject({ url: '/api/v1/me/data.xlsx', headers: rider.auth })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('最美骑手')
  t.same(
    [sheet?.getCell(3, 3).value, sheet?.getCell(3, 5).value, sheet?.getCell(3, 6).value],
    ['福州市', '已公开', '党师傅'],
  )

  const gone = await app.inject({ method: 'DELETE', url: '/api/v1/me', headers: rider.auth })
  t.equal(gone.statusCode, 204)
  t.same(await app.db.selectFrom('rider_honours').select('id').execute(), [])
  t.same((await app.inject({ url: '/api/v1/public/honours' })).json().items, [])
})
