import t from 'tap'
import { signInStaff } from './fixtures/accounts.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import {
  deviceToken,
  pledgeContent,
  publicPledge,
  TINY_PNG,
  uploadPhoto,
  verifiedOperator,
} from './fixtures/pledges.ts'
import { buildTestApp } from './helper.ts'

t.test(
  'anyone rates and reports; staff answer; the page shows the outcome; the owner sees it all',
  async (t) => {
    const app = await buildTestApp(t)
    const staff = await signInStaff(app, 'county.gl', 'county', '350102')
    const other = await signInStaff(app, 'county.sm', 'county', '350203')
    const owner = await verifiedOperator(app, staff, '店主庚')
    const { id, code } = await publicPledge(app, staff, owner)
    const rate = (score: number, from = deviceToken(app), comment?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/public/pledges/${code}/ratings`,
        headers: { 'x-device-id': from },
        payload: { score, ...(comment ? { comment } : {}) },
      })
    t.match((await rate(5)).json(), { message: '感谢你的评价', rating: { average: 5, count: 1 } })
    const phone = deviceToken(app)
    t.match((await rate(4, phone, '很实在')).json(), { rating: { average: 4.5, count: 2 } })
    const twice = await rate(1, phone)
    t.equal(twice.statusCode, 429, 'one rating per device per day')
    t.match(twice.json().error.message, /今天已经评价过/)
    t.equal((await rate(6)).statusCode, 400)
    t.match((await rate(0)).json().error.fields, [
      { field: 'body.score', message: '请选择1到5颗星' },
    ])
    const abusive = await rate(1, deviceToken(app), '傻逼店家')
    t.equal(abusive.statusCode, 400, 'a rating comment is content-checked too')

    const upload = await app.inject({
      method: 'POST',
      url: '/api/v1/photos',
      ...multipartFile(TINY_PNG, 'p.png'),
    })
    t.equal(upload.statusCode, 201)
    const notImage = await app.inject({
      method: 'POST',
      url: '/api/v1/photos',
      ...multipartFile('hello', 'p.png'),
    })
    t.match(notImage.json().error, {
      code: 'validation_failed',
      message: '只能上传 JPG 或 PNG 照片',
    })
    const reporter = deviceToken(app)
    const report = (text: string, extra: Record<string, unknown> = {}, from = reporter) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/public/pledges/${code}/reports`,
        headers: { 'x-device-id': from },
        payload: { text, ...extra },
      })
    const sent = await report('称重缺斤短两，少了二两', { photoId: upload.json().id })
    t.equal(sent.statusCode, 201)
    t.match(sent.json().message, /已收到/)
    t.match((await report('短')).json().error.fields, [
      { field: 'body.text', message: '举报内容至少5个字' },
    ])
    await report('第二次举报：价格标签不一致')
    await report('第三次举报：不给开小票')
    t.equal(
      (await report('第四次举报：还是缺斤短两')).statusCode,
      429,
      'three reports per device per day',
    )

    const page = async () => (await app.inject({ url: `/api/v1/public/pledges/${code}` })).json()
    t.match(await page(), { openReports: 3, reports: [], rating: { average: 4.5, count: 2 } })
    const queue = await app.inject({ url: '/api/v1/review/pledge-reports', headers: staff.auth })
    t.equal(queue.json().items.length, 3)
    const first = queue.json().items[0]
    t.match(first, {
      text: '称重缺斤短两，少了二两',
      hasPhoto: true,
      business: '鼓楼区李红水果店',
      state: 'open',
    })
    t.same(
      (await app.inject({ url: '/api/v1/review/pledge-reports', headers: other.auth })).json()
        .items,
      [],
      'another county sees none',
    )
    const photo = await app.inject({
      url: `/api/v1/review/pledge-reports/${first.id}/photo`,
      headers: staff.auth,
    })
    t.equal(photo.headers['content-type'], 'image/png')
    t.same(photo.rawPayload, TINY_PNG)
    t.equal(
      (
        await app.inject({
          url: `/api/v1/review/pledge-reports/${first.id}/photo`,
          headers: other.auth,
        })
      ).statusCode,
      404,
    )

    const suspendEarly = await app.inject({
      method: 'POST',
      url: `/api/v1/review/pledges/${id}/suspend`,
      headers: staff.auth,
      payload: { reason: '先暂停' },
    })
    t.equal(suspendEarly.statusCode, 409, 'no upheld report yet: no suspension')
    const answer = await app.inject({
      method: 'POST',
      url: `/api/v1/review/pledge-reports/${first.id}/response`,
      headers: staff.auth,
      payload: { outcome: 'upheld', response: '经现场核查属实，已责令整改并校准电子秤' },
    })
    t.match(answer.json(), { state: 'handled', outcome: 'upheld' })
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/review/pledge-reports/${first.id}/response`,
      headers: staff.auth,
      payload: { outcome: 'dismissed', response: '重复处理' },
    })
    t.equal(again.statusCode, 409)
    t.match(await page(), {
      openReports: 2,
      reports: [{ text: '称重缺斤短两，少了二两', outcome: 'upheld', response: /已责令整改/ }],
    })
    t.notOk('hasPhoto' in (await page()).reports[0], 'report photos stay with staff')

    const suspended = await app.inject({
      method: 'POST',
      url: `/api/v1/review/pledges/${id}/suspend`,
      headers: staff.auth,
      payload: { reason: '举报属实，整改期间暂停公示' },
    })
    t.match(suspended.json(), { status: 'suspended', publicStatus: 'suspended' })
    t.match(await page(), { status: 'suspended', statusText: '已暂停' })
    t.equal((await rate(5)).statusCode, 409, 'a suspended pledge takes no ratings')
    await app.inject({
      method: 'POST',
      url: `/api/v1/review/pledges/${id}/reinstate`,
      headers: staff.auth,
      payload: { reason: '整改到位' },
    })
    t.match(await page(), { status: 'valid' })

    const mine = (await app.inject({ url: '/api/v1/pledges/mine', headers: owner.auth })).json()
      .pledge
    t.match(mine, {
      rating: { average: 4.5, count: 2 },
      ratings: [{ score: 4, comment: '很实在' }, { score: 5 }],
    })
    t.equal(mine.reports.length, 3, 'the owner sees the reports about them')
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'pledge.%')
      .execute()
    t.same(audit.map((row) => row.action).sort(), [
      'pledge.approve',
      'pledge.reinstate',
      'pledge.report.respond',
      'pledge.suspend',
    ])
  },
)

t.test('evaluations per half-year, the 示范店 award, and the ranking (比作为)', async (t) => {
  const app = await buildTestApp(t)
  const staff = await signInStaff(app, 'county.gl', 'county', '350102')
  const city = await signInStaff(app, 'city.fz', 'city', '350100')
  const other = await signInStaff(app, 'county.sm', 'county', '350203')
  const a = await publicPledge(
    app,
    staff,
    await verifiedOperator(app, staff, '店主甲'),
    pledgeContent({ business: '甲店' }),
  )
  const b = await publicPledge(
    app,
    staff,
    await verifiedOperator(app, staff, '店主乙'),
    pledgeContent({ business: '乙店' }),
  )
  const c = await publicPledge(
    app,
    staff,
    await verifiedOperator(app, staff, '店主丙'),
    pledgeContent({ business: '丙店' }),
  )
  const evaluate = (pledgeId: string, score: number, award = false, period = '2026-H2') =>
    app.inject({
      method: 'POST',
      url: `/api/v1/review/pledges/${pledgeId}/evaluations`,
      headers: staff.auth,
      payload: { period, score, award, note: '半年评价' },
    })
  t.equal((await evaluate(a.id, 80)).statusCode, 200)
  const award = await evaluate(b.id, 95, true)
  t.match(award.json().evaluations, [{ period: '2026-H2', score: 95, award: true }])
  t.equal(
    (await evaluate(a.id, 88)).json().evaluations.length,
    1,
    'the same period is replaced, not added',
  )
  t.match((await evaluate(a.id, 101)).json().error.fields, [
    { field: 'body.score', message: '请填写0到100的评分' },
  ])
  t.match((await evaluate(a.id, 50, false, '2026-Q3')).json().error.fields, [
    { field: 'body.period' },
  ])
  await app.inject({
    method: 'POST',
    url: `/api/v1/public/pledges/${c.code}/ratings`,
    headers: { 'x-device-id': deviceToken(app) },
    payload: { score: 5 },
  })
  const ranking = await app.inject({
    url: '/api/v1/review/pledge-ranking?period=2026-H2',
    headers: city.auth,
  })
  t.same(
    ranking
      .json()
      .items.map(
        (item: { business: string; score: number | null; award: boolean }) =>
          `${item.business}:${item.score}:${item.award}`,
      ),
    ['乙店:95:true', '甲店:88:false', '丙店:null:false'],
  )
  t.equal(ranking.json().truncated, false, 'three pledges: the whole ranking is listed')
  t.same(
    (await app.inject({ url: '/api/v1/review/pledge-ranking', headers: other.auth })).json().items,
    [],
  )
  t.match((await app.inject({ url: `/api/v1/public/pledges/${b.code}` })).json().awards, [
    { title: '党员诚信示范店', period: '2026-H2' },
  ])
  t.equal(
    (await app.inject({ url: `/api/v1/review/pledges/${a.id}`, headers: other.auth })).statusCode,
    404,
  )
})

t.test('templates: national ones for everyone, a county adds and retires its own', async (t) => {
  const app = await buildTestApp(t)
  const staff = await signInStaff(app, 'county.gl', 'county', '350102')
  const other = await signInStaff(app, 'county.sm', 'county', '350203')
  const station = await signInStaff(app, 'station.gl', 'station', '350102')
  const owner = await verifiedOperator(app, staff, '店主辛')
  const list = async () =>
    (
      await app.inject({ url: '/api/v1/pledge-templates?kind=operator', headers: owner.auth })
    ).json().items as {
      id: string
      text: string
      regionName: string
    }[]
  const national = await list()
  t.ok(
    national.some((item) => item.text === '明码标价，不哄抬价格' && item.regionName === '全国通用'),
  )
  t.notOk(
    national.some((item) => item.text.includes('文明配送')),
    'rider templates are not offered to operators',
  )
  const add = (who: { auth: { authorization: string } }, text: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/review/pledge-templates',
      headers: who.auth,
      payload: { kind: 'operator', text },
    })
  t.equal(
    (await add(station, '站里的模板')).statusCode,
    403,
    'a guidance station does not keep templates',
  )
  const mine = await add(staff, '带头开展“你点我检”')
  t.equal(mine.statusCode, 201)
  await add(other, '思明区的模板')
  const now = await list()
  t.ok(now.some((item) => item.text === '带头开展“你点我检”' && item.regionName === '鼓楼区'))
  t.notOk(
    now.some((item) => item.text === '思明区的模板'),
    "another county's template is not offered here",
  )
  const retire = (who: { auth: { authorization: string } }) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/review/pledge-templates/${mine.json().id}/retire`,
      headers: who.auth,
    })
  t.equal((await retire(other)).statusCode, 404)
  t.equal((await retire(staff)).statusCode, 204)
  t.notOk((await list()).some((item) => item.text === '带头开展“你点我检”'))
})

t.test('a stall photo is shown only with the approved pledge', async (t) => {
  const app = await buildTestApp(t)
  const staff = await signInStaff(app, 'county.gl', 'county', '350102')
  const owner = await verifiedOperator(app, staff, '店主壬')
  const upload = await uploadPhoto(app, owner)
  const { code } = await publicPledge(
    app,
    staff,
    owner,
    pledgeContent({ photoId: upload.json().id }),
  )
  const page = await app.inject({ url: `/api/v1/public/pledges/${code}` })
  t.match(page.json(), { hasPhoto: true })
  t.notOk('photoId' in page.json().content, 'the photo id is not handed out')
  const photo = await app.inject({ url: `/api/v1/public/pledges/${code}/photo` })
  t.equal(photo.statusCode, 200)
  t.same(photo.rawPayload, TINY_PNG)
  const missing = await app.inject({
    method: 'POST',
    url: '/api/v1/pledges/mine',
    headers: owner.auth,
    payload: { content: pledgeContent({ photoId: '00000000-0000-4000-8000-000000000000' }) },
  })
  t.equal(missing.statusCode, 400, 'a photo that does not exist is refused')
})
