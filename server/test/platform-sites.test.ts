import ExcelJS from 'exceljs'
import type { FastifyInstance, InjectOptions } from 'fastify'
import t from 'tap'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { buildTestApp } from './helper.ts'

const SITES = '/api/v1/platform-sites'

function send(app: FastifyInstance, staff: Account, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...options.headers, ...staff.auth } })
}

const site = (overrides: Record<string, unknown> = {}) => ({
  platform: 'meituan',
  name: '鼓楼东街站',
  regionCode: '350102',
  riderCount: 100,
  memberRiderCount: 8,
  orgForm: 'flow_branch',
  orgName: '美团鼓楼东街站流动党员党支部',
  ...overrides,
})

async function created(app: FastifyInstance, staff: Account, payload: object) {
  const res = await send(app, staff, { method: 'POST', url: SITES, payload })
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`)
  return res.json()
}

const patch = (app: FastifyInstance, staff: Account, id: string, payload: object) =>
  send(app, staff, { method: 'PATCH', url: `${SITES}/${id}`, payload })

const names = async (app: FastifyInstance, staff: Account, query = '') => {
  const res = await send(app, staff, { url: `${SITES}${query}` })
  return res.json().items.map((item: { name: string }) => item.name)
}

t.test('field errors name the field in Chinese, and nothing is stored', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'sites.gl', 'county', '350102')
  const bad = await send(app, county, {
    method: 'POST',
    url: SITES,
    payload: { platform: 'x', name: '站', regionCode: '350100', memberRiderCount: -1 },
  })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().error, { code: 'validation_failed' })
  t.match(bad.json().error.fields, [
    { field: 'body.platform', message: '请选择配送平台' },
    { field: 'body.name', message: '站点名称至少2个字' },
    { field: 'body.regionCode', message: '站点所在地应选择到区县' },
    { field: 'body.memberRiderCount', message: '党员骑手人数不能为负数' },
    { field: 'body.orgForm', message: '请选择党组织形式' },
  ])
  const noOrgName = await send(app, county, {
    method: 'POST',
    url: SITES,
    payload: site({ orgName: undefined, riderCount: 5, memberRiderCount: 6 }),
  })
  t.same(noOrgName.json().error.fields, [
    { field: 'body.orgName', message: '请填写党组织名称' },
    { field: 'body.memberRiderCount', message: '党员骑手人数不能多于骑手人数' },
  ])
  const unknown = await send(app, county, {
    method: 'POST',
    url: SITES,
    payload: site({ regionCode: '350199' }),
  })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().error.fields, [
    { field: 'body.regionCode', message: '行政区划代码不存在' },
  ])
  const own = await created(app, county, site())
  const empty = await patch(app, county, own.id, {})
  t.equal(empty.statusCode, 400)
  t.match(empty.json().error.fields, [{ field: 'body', message: '请填写要修改的站点信息或状态' }])
  const badEdit = await patch(app, county, own.id, { site: site({ name: '' }), status: 'gone' })
  t.match(badEdit.json().error.fields, [
    { field: 'body.site.name', message: '站点名称至少2个字' },
    { field: 'body.status', message: '请选择站点状态' },
  ])
  t.equal((await app.db.selectFrom('platform_sites').selectAll().execute()).length, 1)
})

t.test('create, edit, close and reopen; every write leaves an audit row', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'sites.gl', 'county', '350102')
  const first = await created(app, county, site({ address: '东街128号', instructor: '林书记' }))
  t.match(first, {
    platform: 'meituan',
    regionCode: '350102',
    regionName: '鼓楼区',
    address: '东街128号',
    riderCount: 100,
    memberRiderCount: 8,
    orgForm: 'flow_branch',
    coverage: 'organised',
    status: 'active',
  })
  const twin = await send(app, county, { method: 'POST', url: SITES, payload: site() })
  t.equal(twin.statusCode, 409, 'one open site of a name per platform and county')
  t.match(twin.json().error.fields, [{ field: 'body.name' }])

  // The whole site is sent again: without an organisation its name goes, the address left
  // out is cleared, and the instructor makes it work-covered.
  const edited = await patch(app, county, first.id, {
    site: site({ orgForm: 'none', riderCount: undefined, instructor: '林书记' }),
  })
  t.equal(edited.statusCode, 200)
  t.match(edited.json(), { orgName: null, riderCount: null, coverage: 'work_covered' })
  const closed = await patch(app, county, first.id, { status: 'closed' })
  t.match(closed.json(), { status: 'closed' })
  await created(app, county, site())
  t.equal((await patch(app, county, first.id, { status: 'active' })).statusCode, 409)

  const audit = await app.db
    .selectFrom('audit_log')
    .select(['action', 'target_id', 'region_path', 'detail'])
    .where('target_type', '=', 'platform_site')
    .orderBy('id')
    .execute()
  t.same(
    audit.map((row) => row.action),
    ['platform_site.create', 'platform_site.update', 'platform_site.close', 'platform_site.create'],
  )
  t.match(audit[1], {
    target_id: first.id,
    region_path: '350000.350100.350102',
    detail: { changed: ['address', 'rider_count', 'org_form', 'org_name'], status: 'active' },
  })
})

t.test('jurisdiction: a county sees and edits its own, a city its counties', async (t) => {
  const app = await buildTestApp(t)
  const gulou = await signInStaff(app, 'sites.gl', 'county', '350102')
  const siming = await signInStaff(app, 'sites.sm', 'county', '350203')
  const fuzhou = await signInStaff(app, 'sites.fz', 'city', '350100')
  const station = await signInStaff(app, 'sites.st', 'station', '350102')
  await created(app, gulou, site())
  await created(app, fuzhou, site({ regionCode: '350103', name: '台江站', platform: 'eleme' }))
  const theirs = await created(app, siming, site({ regionCode: '350203', name: '思明站' }))

  t.same(await names(app, gulou), ['鼓楼东街站'])
  t.same(await names(app, station), ['鼓楼东街站'], 'a station reads its county')
  t.same(await names(app, fuzhou), ['台江站', '鼓楼东街站'])
  t.same(await names(app, fuzhou, '?region=350103'), ['台江站'])
  t.same(await names(app, fuzhou, '?platform=meituan'), ['鼓楼东街站'])
  const peek = await send(app, gulou, { url: `${SITES}?region=350203` })
  t.equal(peek.statusCode, 403)
  t.match(peek.json().error.fields, [{ field: 'query.region', message: '该地区不在本辖区' }])

  const outside = await send(app, gulou, {
    method: 'POST',
    url: SITES,
    payload: site({ regionCode: '350203' }),
  })
  t.equal(outside.statusCode, 403)
  t.match(outside.json().error.fields, [{ field: 'body.regionCode', message: '该地区不在本辖区' }])
  t.equal((await patch(app, gulou, theirs.id, { status: 'closed' })).statusCode, 404)
  t.equal((await patch(app, fuzhou, theirs.id, { status: 'closed' })).statusCode, 404)
  const moved = await patch(app, siming, theirs.id, { site: site({ regionCode: '350102' }) })
  t.equal(moved.statusCode, 403, 'nor can a site be moved out of the jurisdiction')
  t.same(await names(app, siming), ['思明站'])
})

/** The riders ledger's site figures of `region` for `platform`, and all platforms'. */
async function siteFigures(app: FastifyInstance, staff: Account, platform: string) {
  const ledger = (await send(app, staff, { url: '/api/v1/ledgers' })).json()
  const row = ledger.riders.byPlatform.find((p: { platform: string }) => p.platform === platform)
  return { mine: row?.sites, all: ledger.riders.sites }
}

t.test('the riders ledger counts active sites per platform, exactly', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'sites.gl', 'county', '350102')
  const city = await signInStaff(app, 'sites.fz', 'city', '350100')
  const organised = await created(app, county, site())
  const covered = await created(app, county, {
    ...site({ name: '鼓楼西站', orgForm: 'none', orgName: undefined }),
    riderCount: 50,
    memberRiderCount: 2,
    instructor: '陈指导员',
  })
  await created(app, county, {
    ...site({ name: '鼓楼南站', orgForm: 'none', orgName: undefined }),
    riderCount: undefined,
    memberRiderCount: 0,
  })
  await created(app, county, site({ platform: 'eleme', name: '鼓楼站', orgForm: 'joint_branch' }))

  const before = await siteFigures(app, county, 'meituan')
  t.same(before.mine, { total: 3, organised: 1, workCovered: 1, riders: 150, memberRiders: 10 })
  t.same(before.all, {
    total: 4,
    organised: 2,
    workCovered: 1,
    riders: 250,
    memberRiders: 18,
    coverageRate: 0.5,
  })
  t.same((await siteFigures(app, city, 'meituan')).mine, before.mine, 'the city sums its counties')

  await patch(app, county, organised.id, { status: 'closed' })
  await patch(app, county, covered.id, {
    site: { ...site({ name: '鼓楼西站', orgName: '鼓楼西站党支部', orgForm: 'joint_branch' }) },
  })
  const after = await siteFigures(app, county, 'meituan')
  t.same(after.mine, { total: 2, organised: 1, workCovered: 0, riders: 100, memberRiders: 8 })
  t.same(after.all, {
    total: 3,
    organised: 2,
    workCovered: 0,
    riders: 200,
    memberRiders: 16,
    coverageRate: 2 / 3,
  })
  const riders = (await send(app, county, { url: '/api/v1/ledgers' })).json().riders
  t.same(
    riders.byPlatform.map((p: { platform: string }) => p.platform),
    ['eleme', 'meituan'],
    'platforms without a registered rider still have their rows',
  )
  t.match(riders.byPlatform[1], { members: { reported: 0, verified: 0 }, joinedBranch: 0 })
})

t.test('the riders sheet of the export carries the site columns, as numbers', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'sites.gl', 'county', '350102')
  await created(app, county, site())
  await created(app, county, site({ name: '鼓楼南站', orgForm: 'none', orgName: undefined }))
  const xlsx = await send(app, county, { url: '/api/v1/ledgers/export.xlsx' })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('骑手')
  const row = (n: number) => (sheet?.getRow(n).values ?? []) as unknown[]
  t.same(row(2).slice(11), [
    '站点数',
    '已建党组织站点',
    '工作覆盖站点',
    '站点骑手人数',
    '站点党员骑手人数',
    '站点党组织覆盖率',
  ])
  t.same(row(3).slice(1), ['美团', ...Array(9).fill(0), 2, 1, 0, 200, 16, 0.5])
  const csv = await send(app, county, { url: '/api/v1/ledgers/export.csv' })
  t.match(csv.body, /\r\n美团,(0,){9}2,1,0,200,16,50\.0%\r\n/)
  t.match(csv.body, /\r\n站点合计,(,){9}2,1,0,200,16,50\.0%\r\n/)
})
