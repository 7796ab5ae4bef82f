import { Ledger } from '@djt/shared'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import t from 'tap'
import { signInStaff } from './fixtures/accounts.ts'
import {
  consentingUser,
  marketOpenerForm,
  riderForm,
  submitMembership,
} from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

t.test(
  'a county freezes and sends its half-year report; the city accepts it; corrections are new versions',
  async (t) => {
    const app = await buildTestApp(t)
    const county = await signInStaff(app, 'county.gl', 'county', '350102')
    const city = await signInStaff(app, 'city.fz', 'city', '350100')
    const xiamen = await signInStaff(app, 'city.xm', 'city', '350200')
    const province = await signInStaff(app, 'province.fj', 'province', '350000')
    await submitMembership(
      app,
      await consentingUser(app, '骑手甲'),
      riderForm({ mobile: '13822220001' }),
    )
    await submitMembership(
      app,
      await consentingUser(app, '开办方甲'),
      marketOpenerForm({ mobile: '13822220002' }),
    )
    const send = (who: { auth: { authorization: string } }, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/v1/ledger-reports', headers: who.auth, payload })

    const first = await send(county, { period: '2026-H1' })
    t.equal(first.statusCode, 201)
    const v1 = first.json()
    t.match(v1, {
      region: { code: '350102' },
      period: '2026-H1',
      version: 1,
      state: 'submitted',
      submittedBy: '鼓楼区县级工作人员',
    })
    t.match(v1.ledger.members.byKind, [
      { kind: 'rider', reported: 1 },
      {},
      { kind: 'market_opener', reported: 1 },
    ])
    t.match((await send(county, { period: '2026-Q1' })).json().error.fields, [
      { field: 'body.period' },
    ])
    t.equal(
      (await send(province, { period: '2026-H1' })).statusCode,
      403,
      'the province has no level above to report to',
    )

    await submitMembership(
      app,
      await consentingUser(app, '骑手乙'),
      riderForm({ mobile: '13822220003', riderId: 'X-2' }),
    )
    const again = await app.inject({ url: `/api/v1/ledger-reports/${v1.id}`, headers: city.auth })
    t.same(
      again.json().ledger,
      v1.ledger,
      'the frozen ledger does not move with later registrations',
    )
    await t.rejects(
      sql`update ledger_reports set snapshot = '{}' where id = ${v1.id}`.execute(app.db),
      /never changes/,
      'not even a direct UPDATE can change it',
    )
    const noReason = await send(county, { period: '2026-H1' })
    t.match(noReason.json().error.fields, [{ field: 'body.reason', message: '更正报告请写明原因' }])
    const v2 = (await send(county, { period: '2026-H1', reason: '补录一名骑手' })).json()
    t.match(v2, { version: 2, reason: '补录一名骑手' })
    t.equal(v2.ledger.members.byKind[0].reported, 2)

    const decide = (
      who: { auth: { authorization: string } },
      id: string,
      payload: Record<string, unknown>,
    ) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/ledger-reports/${id}/decision`,
        headers: who.auth,
        payload,
      })
    t.equal(
      (await decide(city, v1.id, { decision: 'accept' })).statusCode,
      409,
      'only the newest version is decided',
    )
    t.equal((await decide(county, v2.id, { decision: 'accept' })).statusCode, 403)
    t.equal(
      (await decide(xiamen, v2.id, { decision: 'accept' })).statusCode,
      404,
      "厦门 does not see 鼓楼's report",
    )
    t.equal(
      (await decide(province, v2.id, { decision: 'accept' })).statusCode,
      403,
      'the city, not the province, takes a county report',
    )
    t.match((await decide(city, v2.id, { decision: 'return' })).json().error.fields, [
      { field: 'body.note' },
    ])
    const accepted = await decide(city, v2.id, { decision: 'accept', note: '数据已核对' })
    t.match(accepted.json(), {
      state: 'accepted',
      decidedBy: '福州市设区市级工作人员',
      decisionNote: '数据已核对',
    })

    const cityReport = (await send(city, { period: '2026-H1' })).json()
    t.match(cityReport, { region: { code: '350100', level: 'city' }, version: 1 })
    const listed = await app.inject({
      url: '/api/v1/ledger-reports?period=2026-H1',
      headers: province.auth,
    })
    t.same(
      listed
        .json()
        .items.map(
          (item: { region: { code: string }; version: number; state: string }) =>
            `${item.region.code}:${item.version}:${item.state}`,
        ),
      ['350100:1:submitted', '350102:2:accepted', '350102:1:submitted'],
    )
    t.same(
      (await app.inject({ url: '/api/v1/ledger-reports', headers: xiamen.auth })).json().items,
      [],
    )
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'ledger.%')
      .execute()
    t.equal(audit.length, 4)
  },
)

t.test(
  'the ledger exports as XLSX (one sheet per ledger, numbers as numbers) and CSV',
  async (t) => {
    const app = await buildTestApp(t)
    const county = await signInStaff(app, 'county.gl', 'county', '350102')
    await submitMembership(
      app,
      await consentingUser(app, '开办方甲'),
      marketOpenerForm({ mobile: '13822220002', stallCount: 75, memberStallOwnerCount: 6 }),
    )
    const live = (await app.inject({ url: '/api/v1/ledgers', headers: county.auth })).json()
    const xlsx = await app.inject({ url: '/api/v1/ledgers/export.xlsx', headers: county.auth })
    t.equal(xlsx.statusCode, 200)
    t.match(xlsx.headers['content-disposition'], /attachment; filename\*=UTF-8''/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    t.same(
      workbook.worksheets.map((sheet) => sheet.name),
      [
        '党员总览',
        '骑手',
        '专业市场',
        '关爱阵地',
        '三亮',
        '组织生活',
        '监督共治',
        '骑手诉求',
        '本级工作',
        '下级',
        '市场明细',
        '阵地明细',
      ],
      'one sheet per ledger, then the county’s markets and stations one by one',
    )
    const markets = workbook.getWorksheet('专业市场')
    t.same(markets?.getRow(2).values, [undefined, '项目', '自报', '已核验'])
    const stalls = markets?.getRows(3, 20)?.find((row) => row.getCell(1).value === '摊位数')
    t.equal(stalls?.getCell(2).value, 75, 'a number cell, not text')
    t.equal(stalls?.getCell(2).value, live.markets.stalls.reported)
    const csv = await app.inject({ url: '/api/v1/ledgers/export.csv', headers: county.auth })
    t.equal(csv.body.charCodeAt(0), 0xfeff)
    t.match(csv.body, /\r\n摊位数,75,0\r\n/)
    const lines = csv.body.split('\r\n')
    const riders = lines.find((line) => line.startsWith('平台,'))
    const sites = lines.find((line) => line.startsWith('站点合计,'))
    t.equal(riders?.split(',').length, sites?.split(',').length, 'the header names every column')
    t.equal(
      (await app.inject({ url: '/api/v1/ledgers/export.pdf', headers: county.auth })).statusCode,
      400,
    )
  },
)

t.test(
  'a report frozen before platform sites were kept is still served and exported',
  async (t) => {
    const app = await buildTestApp(t)
    const county = await signInStaff(app, 'county.gl', 'county', '350102')
    const sent = await app.inject({
      method: 'POST',
      url: '/api/v1/ledger-reports',
      headers: county.auth,
      payload: { period: '2026-H1' },
    })
    t.equal(sent.statusCode, 201, sent.body)
    // The snapshot as a server before migration 0013 froze it: no site figures anywhere.
    const row = await app.db
      .selectFrom('ledger_reports')
      .selectAll()
      .where('id', '=', sent.json().id)
      .executeTakeFirstOrThrow()
    const old = structuredClone(row.snapshot) as {
      riders: { sites?: unknown; byPlatform: { sites?: unknown }[] }
    }
    delete old.riders.sites
    for (const platform of old.riders.byPlatform) delete platform.sites
    const { id: _id, ...rest } = row
    const { id } = await app.db
      .insertInto('ledger_reports')
      .values({ ...rest, version: 2, reason: '旧版快照', snapshot: Ledger.parse(old) })
      .returning('id')
      .executeTakeFirstOrThrow()
    const report = await app.inject({ url: `/api/v1/ledger-reports/${id}`, headers: county.auth })
    t.equal(report.statusCode, 200, report.body)
    t.notOk('sites' in report.json().ledger.riders, 'shown as it was frozen: no sites, not zeros')
    for (const format of ['xlsx', 'csv']) {
      const file = await app.inject({
        url: `/api/v1/ledger-reports/${id}/export.${format}`,
        headers: county.auth,
      })
      t.equal(file.statusCode, 200, format)
    }
  },
)
