import type { FastifyInstance, InjectOptions } from 'fastify'
import t from 'tap'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { placeInput } from './fixtures/matrix-places.ts'
import { uscc } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

const TRAINING = '/api/v1/work/training-sessions'
const PAIRS = '/api/v1/work/liaison-pairs'
const committee = (code: string) => `/api/v1/work/party-committees/${code}`

function send(app: FastifyInstance, staff: Account, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...options.headers, ...staff.auth } })
}

/** Posts, insisting on 201: the data the figures are counted from. */
async function created(app: FastifyInstance, staff: Account, url: string, payload: object) {
  const res = await send(app, staff, { method: 'POST', url, payload })
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
  return res.json()
}

const session = (overrides: Record<string, unknown> = {}) => ({
  heldOn: '2026-03-10',
  title: '小个专党组织书记培训班',
  attendees: 30,
  organiser: '鼓楼区市场监管局',
  ...overrides,
})

const pair = (overrides: Record<string, unknown> = {}) => ({
  liaisonName: '张三',
  organisationName: '东街口农贸市场',
  organisationKind: 'market',
  startedOn: '2025-06-01',
  ...overrides,
})

t.test('a field error names the field in Chinese, and nothing is stored', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'work.gl', 'county', '350102')
  const bad = await send(app, county, {
    method: 'POST',
    url: TRAINING,
    payload: { heldOn: '2099-01-01', title: '班', attendees: -1 },
  })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().error.fields, [
    { field: 'body.heldOn', message: '举办日期不能晚于今天' },
    { field: 'body.title', message: '培训班名称至少2个字' },
    { field: 'body.attendees', message: '培训人数不能为负数' },
  ])
  const noCount = await send(app, county, {
    method: 'POST',
    url: TRAINING,
    payload: session({ attendees: undefined }),
  })
  t.match(noCount.json().error.fields, [{ field: 'body.attendees', message: '请填写培训人数' }])

  const badPair = await send(app, county, {
    method: 'POST',
    url: PAIRS,
    payload: pair({
      liaisonName: '',
      organisationUscc: '91350100M000100Y44',
      organisationKind: 'x',
    }),
  })
  t.equal(badPair.statusCode, 400)
  t.match(badPair.json().error.fields, [
    { field: 'body.liaisonName', message: '请填写挂钩联系人' },
    { field: 'body.organisationUscc', message: '统一社会信用代码校验位不正确' },
    { field: 'body.organisationKind', message: '请选择联系对象类型' },
  ])

  const halfCommittee = await send(app, county, {
    method: 'PUT',
    url: committee('350102'),
    payload: { setUp: true },
  })
  t.equal(halfCommittee.statusCode, 400)
  t.match(halfCommittee.json().error.fields, [
    { field: 'body.setUpOn', message: '请选择成立日期' },
    { field: 'body.name', message: '请填写党委名称' },
  ])
  const badYear = await send(app, county, { url: '/api/v1/work/summary?year=26' })
  t.match(badYear.json().error.fields, [
    { field: 'query.year', message: '年份应为4位数字，如2026' },
  ])

  for (const table of ['training_sessions', 'liaison_pairs', 'party_committees'] as const)
    t.equal((await app.db.selectFrom(table).selectAll().execute()).length, 0, `no ${table}`)
})

t.test('jurisdiction: a county sees itself, a city its counties; stations only read', async (t) => {
  const app = await buildTestApp(t)
  const gulou = await signInStaff(app, 'work.gl', 'county', '350102')
  const siming = await signInStaff(app, 'work.sm', 'county', '350203')
  const fuzhou = await signInStaff(app, 'work.fz', 'city', '350100')
  const station = await signInStaff(app, 'work.st', 'station', '350102')
  const province = await signInStaff(app, 'work.fj', 'province', '350000')

  const own = await created(app, gulou, TRAINING, session())
  t.match(own, { regionCode: '350102', regionName: '鼓楼区', meetsTarget: true })
  await created(app, fuzhou, TRAINING, session({ regionCode: '350103', title: '台江区培训班' }))
  await created(app, siming, TRAINING, session({ title: '思明区培训班' }))
  const titles = async (staff: Account, query = '') =>
    (await send(app, staff, { url: `${TRAINING}${query}` }))
      .json()
      .items.map((i: { title: string }) => i.title)
  t.same(await titles(gulou), ['小个专党组织书记培训班'])
  t.same(await titles(station), ['小个专党组织书记培训班'], 'a station reads its county')
  t.same((await titles(fuzhou)).sort(), ['台江区培训班', '小个专党组织书记培训班'].sort())
  t.same(await titles(fuzhou, '?region=350103'), ['台江区培训班'])
  t.same(await titles(gulou, '?year=2025'), [])

  const outside = await send(app, gulou, {
    method: 'POST',
    url: TRAINING,
    payload: session({ regionCode: '350203' }),
  })
  t.equal(outside.statusCode, 403)
  t.match(outside.json().error.fields, [{ field: 'body.regionCode', message: '该地区不在本辖区' }])
  t.equal((await send(app, gulou, { url: `${TRAINING}?region=350100` })).statusCode, 403)
  const provincial = await send(app, province, {
    method: 'POST',
    url: TRAINING,
    payload: session(),
  })
  t.equal(provincial.statusCode, 400, 'a class belongs to a city or a county')
  t.match(provincial.json().error.fields, [
    { field: 'body.regionCode', message: '应登记到设区市或区县一级' },
  ])
  const byStation = await send(app, station, { method: 'POST', url: TRAINING, payload: session() })
  t.equal(byStation.statusCode, 403)
  t.equal(
    (await send(app, siming, { method: 'DELETE', url: `${TRAINING}/${own.id}` })).statusCode,
    404,
    'outside the jurisdiction the session does not exist',
  )

  const liaison = await created(app, gulou, PAIRS, pair())
  t.equal((await send(app, siming, { url: PAIRS })).json().items.length, 0)
  t.equal((await send(app, fuzhou, { url: PAIRS })).json().items.length, 1)
  const foreignVisit = await send(app, siming, {
    method: 'POST',
    url: `${PAIRS}/${liaison.id}/visits`,
    payload: { visitedOn: '2026-04-01', note: '走访了解党建情况' },
  })
  t.equal(foreignVisit.statusCode, 404)
  const stationVisit = await send(app, station, {
    method: 'POST',
    url: `${PAIRS}/${liaison.id}/visits`,
    payload: { visitedOn: '2026-04-01', note: '走访了解党建情况' },
  })
  t.equal(stationVisit.statusCode, 201, "the station's 指导员 records visits")
  const early = await send(app, gulou, {
    method: 'POST',
    url: `${PAIRS}/${liaison.id}/visits`,
    payload: { visitedOn: '2025-01-01', note: '联系之前' },
  })
  t.match(early.json().error.fields, [
    { field: 'body.visitedOn', message: '走访日期不能早于开始联系日期' },
  ])
  const foreignStaff = await send(app, gulou, {
    method: 'POST',
    url: PAIRS,
    payload: pair({ liaisonStaffId: siming.id }),
  })
  t.match(foreignStaff.json().error.fields, [
    { field: 'body.liaisonStaffId', message: '该工作人员账号不存在或不在本辖区' },
  ])

  const put = (staff: Account, code: string) =>
    send(app, staff, {
      method: 'PUT',
      url: committee(code),
      payload: { setUp: true, setUpOn: '2025-05-01', name: '鼓楼区小个专党委' },
    })
  t.equal((await put(gulou, '350102')).statusCode, 200)
  const byCity = await put(fuzhou, '350102')
  t.equal(byCity.statusCode, 403, "a county's committee is recorded by the county's staff")
  t.equal(byCity.json().error.message, '小个专党委情况由本级工作人员登记')
  t.equal((await put(siming, '350102')).statusCode, 403)
  t.equal((await put(station, '350102')).statusCode, 403)
  t.equal((await send(app, gulou, { url: committee('350100') })).statusCode, 403)
  t.match((await send(app, fuzhou, { url: committee('350102') })).json(), {
    setUp: true,
    name: '鼓楼区小个专党委',
  })
  t.match((await send(app, fuzhou, { url: committee('350103') })).json(), {
    regionName: '台江区',
    setUp: false,
    updatedAt: null,
  })
  t.equal((await send(app, province, { url: committee('350000') })).statusCode, 400)
})

/** Fuzhou (13 counties) in 2026, with neighbours in other years and another city. */
async function fuzhouData(app: FastifyInstance) {
  const gulou = await signInStaff(app, 'sum.gl', 'county', '350102')
  const taijiang = await signInStaff(app, 'sum.tj', 'county', '350103')
  const cangshan = await signInStaff(app, 'sum.cs', 'county', '350104')
  const fuzhou = await signInStaff(app, 'sum.fz', 'city', '350100')
  const siming = await signInStaff(app, 'sum.sm', 'county', '350203')

  const gulouTarget = await created(app, gulou, TRAINING, session({ attendees: 30 }))
  await created(app, gulou, TRAINING, session({ heldOn: '2026-04-01', attendees: 12 }))
  await created(app, taijiang, TRAINING, session({ heldOn: '2026-05-01', attendees: 29 }))
  await created(app, cangshan, TRAINING, session({ heldOn: '2025-12-31', attendees: 50 }))
  await created(app, fuzhou, TRAINING, session({ heldOn: '2026-06-01', attendees: 80 }))
  await created(app, siming, TRAINING, session({ heldOn: '2026-03-01', attendees: 100 }))

  const market = await created(app, gulou, PAIRS, pair())
  const tech = uscc('350100', 'M000100Y4')
  await created(
    app,
    gulou,
    PAIRS,
    pair({
      organisationName: '福州某科技有限公司',
      organisationUscc: tech,
      startedOn: '2026-02-01',
      organisationKind: 'business',
    }),
  )
  const old = await created(
    app,
    gulou,
    PAIRS,
    pair({ liaisonName: '李四', organisationName: '旧市场', startedOn: '2024-01-01' }),
  )
  const ended = await send(app, gulou, {
    method: 'POST',
    url: `${PAIRS}/${old.id}/end`,
    payload: { endedOn: '2025-12-31' },
  })
  if (ended.statusCode !== 200) throw new Error(ended.body)
  const sameOrg = await created(
    app,
    taijiang,
    PAIRS,
    pair({
      liaisonName: '王五',
      liaisonStaffId: taijiang.id,
      organisationName: '福州某科技公司',
      organisationUscc: tech,
      organisationKind: 'business',
      startedOn: '2026-03-01',
    }),
  )
  await created(
    app,
    fuzhou,
    PAIRS,
    pair({
      liaisonName: '赵六',
      organisationName: '饿了么台江站',
      organisationKind: 'platform_site',
      startedOn: '2026-03-01',
    }),
  )
  await created(app, siming, PAIRS, pair({ liaisonName: '孙七', organisationName: '思明市场' }))
  const visit = (staff: Account, id: string, visitedOn: string) =>
    created(app, staff, `${PAIRS}/${id}/visits`, { visitedOn, note: '宣讲党的创新理论' })
  await visit(gulou, market.id, '2026-04-01')
  await visit(gulou, market.id, '2026-05-01')
  await visit(gulou, market.id, '2025-07-01')
  await visit(gulou, old.id, '2025-06-01')
  await visit(taijiang, sameOrg.id, '2026-06-01')

  const station = (staff: Account, regionCode: string, name: string) =>
    created(
      app,
      staff,
      '/api/v1/places',
      placeInput({ kind: 'guidance_station', operator: 'bureau', regionCode, name }),
    )
  await station(gulou, '350102', '鼓楼区东街指导站')
  const suspended = await station(gulou, '350102', '鼓楼区南街指导站')
  await send(app, gulou, {
    method: 'PATCH',
    url: `/api/v1/places/${suspended.id}`,
    payload: { status: 'suspended' },
  })
  await station(taijiang, '350103', '台江区指导站')
  await created(app, gulou, '/api/v1/places', placeInput())

  const setUp = (staff: Account, code: string, payload: object) =>
    send(app, staff, { method: 'PUT', url: committee(code), payload })
  await setUp(fuzhou, '350100', { setUp: true, setUpOn: '2026-01-15', name: '福州市小个专党委' })
  await setUp(gulou, '350102', { setUp: true, setUpOn: '2025-05-01', name: '鼓楼区小个专党委' })
  await setUp(taijiang, '350103', { setUp: false })
  await setUp(siming, '350203', { setUp: true, setUpOn: '2025-01-01', name: '思明区小个专党委' })
  return { gulou, fuzhou, siming, gulouTarget }
}

t.test('the summary counts against the targets, by region and child region', async (t) => {
  const app = await buildTestApp(t)
  const { gulou, fuzhou, siming, gulouTarget } = await fuzhouData(app)
  const summary = async (staff: Account, query: string) => {
    const res = await send(app, staff, { url: `/api/v1/work/summary?${query}` })
    t.equal(res.statusCode, 200, `summary?${query}`)
    return res.json()
  }
  const city = await summary(fuzhou, 'region=350100&year=2026')
  t.same(city.total, {
    region: { code: '350100', name: '福州市', level: 'city' },
    training: {
      sessions: 4,
      peopleTrained: 151,
      counties: 13,
      countiesMeetingTarget: 1,
      activitySessions: 0,
      activityPeople: 0,
    },
    liaison: {
      liaisons: 4,
      liaisonsWithOrganisation: 3,
      liaisonsVisited: 2,
      organisations: 3,
      visits: 3,
    },
    guidanceStations: 2,
    committees: { cities: 1, citiesSetUp: 1, counties: 13, countiesSetUp: 1 },
  })
  t.equal(city.children.length, 13)
  const child = (code: string) =>
    city.children.find((c: { region: { code: string } }) => c.region.code === code)
  t.same(child('350102').training, {
    sessions: 2,
    peopleTrained: 42,
    counties: 1,
    countiesMeetingTarget: 1,
    activitySessions: 0,
    activityPeople: 0,
  })
  t.same(
    child('350103').training,
    {
      sessions: 1,
      peopleTrained: 29,
      counties: 1,
      countiesMeetingTarget: 0,
      activitySessions: 0,
      activityPeople: 0,
    },
    '29 people fall short',
  )
  t.same(child('350102').liaison, {
    liaisons: 2,
    liaisonsWithOrganisation: 1,
    liaisonsVisited: 1,
    organisations: 2,
    visits: 2,
  })
  t.same(child('350103').liaison, {
    liaisons: 1,
    liaisonsWithOrganisation: 1,
    liaisonsVisited: 1,
    organisations: 1,
    visits: 1,
  })
  t.same([child('350102').guidanceStations, child('350103').guidanceStations], [1, 1])
  t.same(child('350103').committees, { cities: 0, citiesSetUp: 0, counties: 1, countiesSetUp: 0 })
  t.same(child('350104').training, {
    sessions: 0,
    peopleTrained: 0,
    counties: 1,
    countiesMeetingTarget: 0,
    activitySessions: 0,
    activityPeople: 0,
  })

  const lastYear = await summary(fuzhou, 'year=2025')
  t.equal(lastYear.total.region.code, '350100', "the caller's region by default")
  t.same(lastYear.total.training, {
    sessions: 1,
    peopleTrained: 50,
    counties: 13,
    countiesMeetingTarget: 1,
    activitySessions: 0,
    activityPeople: 0,
  })
  t.same(lastYear.total.liaison, {
    liaisons: 2,
    liaisonsWithOrganisation: 2,
    liaisonsVisited: 2,
    organisations: 2,
    visits: 2,
  })
  t.same(
    lastYear.total.committees,
    { cities: 1, citiesSetUp: 0, counties: 13, countiesSetUp: 1 },
    'the city set up in 2026',
  )

  const county = await summary(gulou, 'year=2026')
  t.same(county.children, [])
  t.same(county.total.training, {
    sessions: 2,
    peopleTrained: 42,
    counties: 1,
    countiesMeetingTarget: 1,
    activitySessions: 0,
    activityPeople: 0,
  })
  t.same(county.total.committees, { cities: 0, citiesSetUp: 0, counties: 1, countiesSetUp: 1 })
  t.equal((await send(app, gulou, { url: '/api/v1/work/summary?region=350100' })).statusCode, 403)
  t.equal((await send(app, siming, { url: '/api/v1/work/summary?region=350102' })).statusCode, 403)

  const removed = await send(app, gulou, { method: 'DELETE', url: `${TRAINING}/${gulouTarget.id}` })
  t.equal(removed.statusCode, 204)
  const after = await summary(fuzhou, 'year=2026')
  t.same(
    after.total.training,
    {
      sessions: 3,
      peopleTrained: 121,
      counties: 13,
      countiesMeetingTarget: 0,
      activitySessions: 0,
      activityPeople: 0,
    },
    'without its 30-person class 鼓楼 misses the target',
  )
})

t.test('every staff write leaves an audit row in its region', async (t) => {
  const app = await buildTestApp(t)
  const { gulou } = await fuzhouData(app)
  const rows = await app.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'region_path', 'target_type', 'outcome'])
    .where('action', 'like', 'work.%')
    .orderBy('id')
    .execute()
  const count = (action: string) => rows.filter((row) => row.action === action).length
  t.same(
    [
      'work.training.create',
      'work.liaison.create',
      'work.liaison.end',
      'work.liaison.visit',
      'work.committee.update',
    ].map(count),
    [6, 6, 1, 5, 4],
  )
  t.match(
    rows.find((row) => row.action === 'work.liaison.end'),
    {
      actor_id: gulou.id,
      region_path: '350000.350100.350102',
      target_type: 'liaison_pair',
      outcome: 'success',
    },
  )
  const session = rows.find((row) => row.action === 'work.training.create')
  t.equal(session?.region_path, '350000.350100.350102')
})
