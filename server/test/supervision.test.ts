import ExcelJS from 'exceljs'
import t from 'tap'
import { signInStaff } from './fixtures/accounts.ts'
import { member } from './fixtures/activities.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import { consentingUser, riderForm, submitMembership } from './fixtures/memberships.ts'
import { uploadPhoto } from './fixtures/pledges.ts'
import { buildTestApp } from './helper.ts'

/** The field messages of a refused request, by field. */
function fieldsOf(body: string): Record<string, string> {
  const fields = JSON.parse(body).error.fields ?? []
  return Object.fromEntries(
    fields.map((f: { field: string; message: string }) => [f.field, f.message]),
  )
}

/** A restaurant in 鼓楼区 (350102), as the rider picked it on the map. */
const shop = {
  name: '某某快餐店',
  address: '福州市鼓楼区五四路100号',
  regionCode: '350102',
  location: { lat: 26.0865, lng: 119.2965 },
  creditCode: '91350100M000100Y43',
}

t.test('a member rider reports a merchant; the county records the outcome', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const rider = await member(app, '监督骑手')
  const station = await signInStaff(app, 'sup.station', 'station', '350102')
  const gulou = await signInStaff(app, 'sup.gulou', 'county', '350102')
  const taijiang = await signInStaff(app, 'sup.taijiang', 'county', '350103')
  const siming = await signInStaff(app, 'sup.siming', 'county', '350203')
  const fuzhou = await signInStaff(app, 'sup.fuzhou', 'city', '350100')
  const photo = (await uploadPhoto(app, rider)).json().id as string
  const report = (payload: Record<string, unknown>, by = rider) =>
    app.inject({ method: 'POST', url: '/api/v1/supervision-reports', headers: by.auth, payload })
  const good = {
    category: 'food',
    merchant: shop,
    text: '后厨操作间苍蝇很多，生熟不分',
    photoIds: [photo],
  }

  const someoneElses = (await uploadPhoto(app, await member(app, '别的骑手'))).json().id
  const refused: [Record<string, unknown>, string, string][] = [
    [{ ...good, category: 'noise' }, 'body.category', '请选择问题类别'],
    [{ ...good, text: '不干净' }, 'body.text', '问题描述'],
    [{ ...good, text: '店里有人赌博，后厨很脏' }, 'body.text', '不宜公开'],
    [{ ...good, merchant: { ...shop, name: '' } }, 'body.merchant.name', '商家名称'],
    [{ ...good, merchant: { ...shop, address: '' } }, 'body.merchant.address', '商家地址'],
    [
      { ...good, merchant: { ...shop, creditCode: '91350100M000100Y44' } },
      'body.merchant.creditCode',
      '校验',
    ],
    [{ ...good, photoIds: [someoneElses] }, 'body.photoIds.0', '不是你上传的'],
    [{ ...good, photoIds: [photo, photo] }, 'body.photoIds', '同一张照片只能放一次'],
    [
      { ...good, merchant: { ...shop, regionCode: '999999' } },
      'body.merchant.regionCode',
      '行政区划代码',
    ],
    [
      { ...good, merchant: { ...shop, regionCode: '350199' } },
      'body.merchant.regionCode',
      '没有这个区县',
    ],
    [{ ...good, merchant: { ...shop, regionCode: '350100' } }, 'body.merchant.regionCode', '区县'],
    [
      { ...good, merchant: { ...shop, location: { lat: 10, lng: 10 } } },
      'body.merchant.location.lng',
      '中国',
    ],
  ]
  for (const [payload, field, message] of refused) {
    const res = await report(payload)
    t.equal(res.statusCode, 400, `${field}: ${res.body}`)
    t.match(fieldsOf(res.body)[field] ?? '', message, field)
  }
  // Only a verified member rider reports: not someone waiting for review, not a stranger.
  const waiting = await consentingUser(app, '待核验骑手')
  await submitMembership(app, waiting, riderForm({ mobile: '13812340999' }))
  t.equal((await report(good, waiting)).statusCode, 403, 'not yet verified')
  t.equal((await report(good, await consentingUser(app, '路人'))).statusCode, 403)
  t.same(await app.db.selectFrom('supervision_reports').select('id').execute(), [], 'nothing')

  const made = await report(good)
  t.equal(made.statusCode, 201, made.body)
  const id = made.json().id
  t.match(made.json(), {
    category: 'food',
    regionCode: '350102',
    regionName: '鼓楼区',
    state: 'open',
    outcome: null,
    photoIds: [photo],
    merchant: { name: '某某快餐店', creditCode: '91350100M000100Y43', location: shop.location },
    events: [{ kind: 'reported' }],
  })
  // Typed without a point or a credit code: the county alone places it.
  const typed = await report({
    category: 'price',
    merchant: { name: '某某水果店', address: '鼓楼区东街1号', regionCode: '350102' },
    text: '标价每斤8元，结账按每斤12元收',
  })
  t.equal(typed.statusCode, 201, typed.body)
  t.match(typed.json().merchant, { creditCode: null, location: null })

  // The county's queue (and its station's); another county does not see it.
  const list = (account = gulou, query = '') =>
    app.inject({ url: `/api/v1/staff/supervision-reports${query}`, headers: account.auth })
  t.match((await list()).json(), { total: 2, items: [{ id, reporterName: /^党员\d+$/ }] })
  t.equal((await list(station)).json().total, 2)
  t.equal((await list(siming)).json().total, 0)
  t.equal((await list(gulou, '?category=price')).json().total, 1)
  t.equal((await list(siming, '?region=350102')).statusCode, 403, 'outside the jurisdiction')
  // The desk's figure beside 监督共治报告 is the open queue's length.
  const pending = async (account = gulou) =>
    (await app.inject({ url: '/api/v1/desk/pending', headers: account.auth })).json()
      .supervisionReports
  t.equal(await pending(), 2)
  const staffView = (account = gulou) =>
    app.inject({ url: `/api/v1/staff/supervision-reports/${id}`, headers: account.auth })
  t.equal((await staffView(siming)).statusCode, 404)
  const shown = await app.inject({
    url: `/api/v1/staff/supervision-reports/${id}/photos/${photo}`,
    headers: gulou.auth,
  })
  t.equal(shown.statusCode, 200)
  t.equal(shown.headers['content-type'], 'image/png')

  const outcome = (account: typeof gulou, payload: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/staff/supervision-reports/${id}/outcome`,
      headers: account.auth,
      payload,
    })
  t.match(fieldsOf((await outcome(gulou, { outcome: 'referred', note: '转办' })).body), {
    'body.toDepartment': '请选择转往的区县或填写转办部门',
  })
  t.match(fieldsOf((await outcome(gulou, { outcome: 'upheld' })).body), {
    'body.note': '处理情况',
  })
  t.match(
    fieldsOf(
      (await outcome(gulou, { outcome: 'upheld', note: '属实', toDepartment: '某局' })).body,
    ),
    { 'body.toDepartment': '只有转办时' },
  )
  // 转办 to a county: only inside the caller's jurisdiction; the report moves there, open.
  const toTaijiang = { outcome: 'referred', note: '该店属台江区', toRegionCode: '350103' }
  t.match(fieldsOf((await outcome(gulou, toTaijiang)).body), {
    'body.toRegionCode': '只能转给本辖区内的区县',
  })
  t.match(fieldsOf((await outcome(fuzhou, { ...toTaijiang, toRegionCode: '350102' })).body), {
    'body.toRegionCode': '已在',
  })
  const moved = await outcome(fuzhou, toTaijiang)
  t.equal(moved.statusCode, 200, moved.body)
  t.match(moved.json(), { regionCode: '350103', state: 'open' })
  t.equal((await staffView(gulou)).statusCode, 404, 'gone from 鼓楼')
  t.equal((await staffView(taijiang)).statusCode, 200, 'now with 台江')

  const upheld = await outcome(taijiang, { outcome: 'upheld', note: '已责令停业整顿并罚款' })
  t.equal(upheld.statusCode, 200, upheld.body)
  t.match(upheld.json(), {
    state: 'closed',
    outcome: 'upheld',
    outcomeNote: '已责令停业整顿并罚款',
  })
  t.equal((await outcome(taijiang, { outcome: 'unfounded', note: '再次' })).statusCode, 409)

  // 转办 to an outside department closes it with the department's name.
  const typedId = typed.json().id
  const handed = await app.inject({
    method: 'POST',
    url: `/api/v1/staff/supervision-reports/${typedId}/outcome`,
    headers: gulou.auth,
    payload: { outcome: 'referred', note: '属价格主管部门职责', toDepartment: '区发展和改革局' },
  })
  t.equal(handed.statusCode, 200, handed.body)
  t.match(handed.json(), { state: 'closed', outcome: 'referred', referredTo: '区发展和改革局' })
  t.equal(await pending(), 0, 'nothing left to check in 鼓楼区')

  // The rider reads both; the reporter is never named in what they read.
  const mine = (
    await app.inject({ url: '/api/v1/supervision-reports/mine', headers: rider.auth })
  ).json()
  t.match(mine.items, [
    { id: typedId, outcome: 'referred', referredTo: '区发展和改革局' },
    {
      id,
      outcome: 'upheld',
      regionName: '台江区',
      events: [
        { kind: 'reported' },
        { kind: 'forward', regionName: '台江区', text: '该店属台江区' },
        { kind: 'close', text: '已责令停业整顿并罚款' },
      ],
    },
  ])
  t.notOk('reporterName' in mine.items[0], 'no reporter named to the rider either')
  const other = await member(app, '旁观骑手')
  const peek = await app.inject({ url: `/api/v1/supervision-reports/${id}`, headers: other.auth })
  t.equal(peek.statusCode, 404, 'another rider cannot read it')

  const audit = await app.db
    .selectFrom('audit_log')
    .select(['action', 'actor_role'])
    .where('target_type', '=', 'supervision_report')
    .orderBy('id')
    .execute()
  t.same(
    audit.map((row) => row.action),
    [
      'supervision.report',
      'supervision.report',
      'supervision.forward',
      'supervision.outcome',
      'supervision.outcome',
    ],
  )
})

t.test('the ledger counts reports and upheld ones; each figure opens its list', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const rider = await member(app, '台账骑手')
  const gulou = await signInStaff(app, 'sup.ledger', 'county', '350102')
  const ids: string[] = []
  for (const text of ['过期食品仍在售卖', '菜品价格与菜单不符', '网店照片与实物不符']) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/supervision-reports',
      headers: rider.auth,
      payload: { category: 'other', merchant: shop, text },
    })
    ids.push(res.json().id)
  }
  const record = (id: string | undefined, outcome: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/staff/supervision-reports/${id}/outcome`,
      headers: gulou.auth,
      payload: { outcome, note: '已到店核查' },
    })
  t.equal((await record(ids[0], 'upheld')).statusCode, 200)
  t.equal((await record(ids[1], 'unfounded')).statusCode, 200)
  const ledger = (
    await app.inject({ url: '/api/v1/ledgers?region=350102', headers: gulou.auth })
  ).json()
  t.match(ledger.supervision, { reports: 3, upheld: 1 })
  const year = ledger.supervision.year
  t.same(ledger.links['supervision.upheld'], {
    list: 'supervisionReports',
    query: { region: '350102', year, outcome: 'upheld' },
  })
  const opened = await app.inject({
    url: '/api/v1/staff/supervision-reports',
    query: { region: '350102', year: String(year), outcome: 'upheld' },
    headers: gulou.auth,
  })
  t.match(opened.json(), { total: 1, items: [{ id: ids[0] }] })
  const lastYear = await app.inject({
    url: `/api/v1/staff/supervision-reports?year=${year - 1}`,
    headers: gulou.auth,
  })
  t.equal(lastYear.json().total, 0, 'a year filters by the China year made')
  const city = await signInStaff(app, 'sup.city', 'city', '350100')
  const cityLedger = (
    await app.inject({ url: '/api/v1/ledgers?region=350100', headers: city.auth })
  ).json()
  t.match(cityLedger.supervision, { reports: 3, upheld: 1 })
})

t.test('the daily limit, and a photo that is not an image or too large', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const rider = await member(app, '限额骑手')
  const report = (by: typeof rider, text: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/supervision-reports',
      headers: by.auth,
      payload: { category: 'online', merchant: shop, text },
    })
  for (let i = 1; i <= 5; i++)
    t.equal((await report(rider, `第${i}条网店问题报告`)).statusCode, 201)
  const sixth = await report(rider, '第六条网店问题报告')
  t.equal(sixth.statusCode, 429)
  t.match(sixth.json().error.message, '每天最多提交5条')
  t.equal((await report(await member(app, '另一位骑手'), '另一位骑手的报告')).statusCode, 201)

  const notImage = multipartFile(Buffer.from('这不是图片'), 'photo.png')
  const refused = await app.inject({
    method: 'POST',
    url: '/api/v1/photos',
    payload: notImage.payload,
    headers: { ...notImage.headers, ...rider.auth },
  })
  t.equal(refused.statusCode, 400, refused.body)
  t.match(refused.json().error.fields, [{ field: 'file', message: 'JPG 或 PNG' }])
  const big = multipartFile(Buffer.alloc(3 * 1024 * 1024, 1), 'photo.jpg')
  const tooBig = await app.inject({
    method: 'POST',
    url: '/api/v1/photos',
    payload: big.payload,
    headers: { ...big.headers, ...rider.auth },
  })
  t.equal(tooBig.statusCode, 413)
  t.match(tooBig.json().error.fields, [{ field: 'file', message: '照片不能超过2 MB' }])
})

t.test("in the rider's data export; gone with the account", async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const rider = await member(app, '导出骑手')
  const county = await signInStaff(app, 'sup.export', 'county', '350102')
  const made = await app.inject({
    method: 'POST',
    url: '/api/v1/supervision-reports',
    headers: rider.auth,
    payload: { category: 'food', merchant: shop, text: '外卖餐盒里发现异物' },
  })
  const id = made.json().id
  await app.inject({
    method: 'POST',
    url: `/api/v1/staff/supervision-reports/${id}/outcome`,
    headers: county.auth,
    payload: { outcome: 'upheld', note: '已责令整改' },
  })
  const exported = (await app.inject({ url: '/api/v1/me/data', headers: rider.auth })).json()
  t.match(exported.supervisionReports, [
    { category: 'food', merchant_name: '某某快餐店', outcome: 'upheld', region_name: '鼓楼区' },
  ])
  const xlsx = await app.inject({ url: '/api/v1/me/data.xlsx', headers: rider.auth })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('监督共治')
  t.same(
    [sheet?.getCell(3, 2).value, sheet?.getCell(3, 3).value, sheet?.getCell(3, 9).value],
    ['食品安全', '某某快餐店', '已核查属实并处理：已责令整改'],
  )
  const before = await app.inject({ url: '/api/v1/ledgers?region=350102', headers: county.auth })
  t.match(before.json().supervision, { reports: 1, upheld: 1 })

  const gone = await app.inject({ method: 'DELETE', url: '/api/v1/me', headers: rider.auth })
  t.equal(gone.statusCode, 204)
  t.same(await app.db.selectFrom('supervision_reports').select('id').execute(), [])
  t.same(await app.db.selectFrom('supervision_report_events').select('id').execute(), [])
  const after = await app.inject({ url: '/api/v1/ledgers?region=350102', headers: county.auth })
  t.match(after.json().supervision, { reports: 0, upheld: 0 })
})
