import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { detailSheets } from '../src/ledgers/detail-sheets.ts'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { branchInput, placeInput, verifiedMember } from './fixtures/matrix-places.ts'
import {
  consentingUser,
  marketOpenerForm,
  riderForm,
  submitMembership,
} from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

const get = (app: FastifyInstance, who: Account, url: string) =>
  app.inject({ url: `/api/v1${url}`, headers: who.auth })

async function staffOf(app: FastifyInstance) {
  return {
    county: await signInStaff(app, 'detail.gl', 'county', '350102'),
    other: await signInStaff(app, 'detail.sm', 'county', '350203'),
    city: await signInStaff(app, 'detail.fz', 'city', '350100'),
    province: await signInStaff(app, 'detail.fj', 'province', '350000'),
  }
}

async function verify(
  app: FastifyInstance,
  staff: Account,
  entry: { id: string; version: number },
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/review/memberships/${entry.id}/decision`,
    headers: staff.auth,
    payload: { decision: 'verify', version: entry.version },
  })
  if (res.statusCode !== 200) throw new Error(res.body)
}

t.test('the markets ledger per market, within the jurisdiction, paged', async (t) => {
  const app = await buildTestApp(t)
  const { county, other, city, province } = await staffOf(app)
  const market = async (name: string, form: Record<string, unknown>) =>
    submitMembership(app, await consentingUser(app, name), marketOpenerForm(form))
  await verify(
    app,
    province,
    await market('甲', { mobile: '13811110003', marketName: '东街口农贸市场' }),
  )
  await market('乙', {
    mobile: '13811110004',
    contactName: '李开办',
    marketName: '安泰河小商品市场',
    orgForm: 'none',
    orgName: undefined,
    stallCount: 40,
    memberStallOwnerCount: 2,
  })
  await market('丙', { mobile: '13811110005', marketName: '中山路市场', regionCode: '350203' })

  const gulou = (await get(app, county, '/ledgers/markets')).json()
  t.same(
    gulou.items.map((m: { marketName: string }) => m.marketName),
    ['东街口农贸市场', '安泰河小商品市场'].sort(),
    'my county only, by name',
  )
  t.match(
    gulou.items.find((m: { marketName: string }) => m.marketName === '安泰河小商品市场'),
    {
      regionCode: '350102',
      regionName: '鼓楼区',
      opener: '李开办',
      stalls: 40,
      memberStallOwners: 2,
      orgForm: 'none',
      orgFormLabel: '未建立',
      orgName: null,
      class: 'reported',
    },
  )
  t.match(
    gulou.items.find((m: { class: string }) => m.class === 'verified'),
    {
      marketName: '东街口农贸市场',
      orgFormLabel: '联合党支部',
      stalls: 120,
    },
  )

  // The rows add up to the ledger's figures.
  const ledger = (await get(app, county, '/ledgers')).json()
  const stalls = (c: string) =>
    gulou.items
      .filter((m: { class: string }) => m.class === c)
      .reduce((sum: number, m: { stalls: number }) => sum + m.stalls, 0)
  t.same(ledger.markets.stalls, { reported: stalls('reported'), verified: stalls('verified') })

  const fuzhou = (await get(app, city, '/ledgers/markets')).json()
  t.equal(fuzhou.items.length, 2, '福州 does not list 思明区')
  const fujian = (await get(app, province, '/ledgers/markets?region=350000')).json()
  t.same(
    fujian.items.map((m: { regionCode: string }) => m.regionCode),
    ['350102', '350102', '350203'],
    'the province lists every county, county by county',
  )

  const first = (await get(app, province, '/ledgers/markets?limit=2')).json()
  t.equal(first.items.length, 2)
  t.ok(first.next)
  const second = (await get(app, province, `/ledgers/markets?limit=2&after=${first.next}`)).json()
  t.same(
    [...first.items, ...second.items].map((m: { membershipId: string }) => m.membershipId),
    fujian.items.map((m: { membershipId: string }) => m.membershipId),
    'pages cover every row once, in order',
  )
  t.equal(second.next, null)
  // The first page counts the whole list; the second carries the cursor and counts nothing.
  t.equal(first.total, fujian.items.length, 'the first page says the whole count')
  t.equal(second.total, undefined, 'a later page does not count again')

  // The county's spreadsheet carries the same rows, numbers as numbers.
  const xlsx = await get(app, county, '/ledgers/export.xlsx')
  t.equal(xlsx.statusCode, 200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('市场明细')
  t.same(sheet?.getRow(2).values, [
    undefined,
    '区县',
    '市场名称',
    '开办者',
    '摊位数',
    '党员经营户数',
    '党组织形式',
    '党组织名称',
    '核验',
  ])
  const sheetRows = [3, 4].map((n) => ((sheet?.getRow(n).values ?? []) as unknown[]).slice(1))
  t.same(
    sheetRows.map((row) => row[1]),
    gulou.items.map((m: { marketName: string }) => m.marketName),
  )
  t.same(
    sheetRows.find((row) => row[1] === '安泰河小商品市场'),
    ['鼓楼区', '安泰河小商品市场', '李开办', 40, 2, '未建立', undefined, '自报'],
  )
  t.equal(sheet?.rowCount, 4, 'no row of 思明区')
  t.ok(workbook.getWorksheet('阵地明细'), 'and a sheet of its stations')

  // A sheet read a page at a time (here one row a page) holds every row once, in order.
  const [cityMarkets] = detailSheets(
    app.db,
    { code: '350100', level: 'city', path: '350000.350100' },
    1,
  )
  const names: unknown[] = []
  for await (const row of cityMarkets?.rows ?? []) names.push(row[1])
  t.same(
    names,
    fuzhou.items.map((m: { marketName: string }) => m.marketName),
  )

  const outside = await get(app, other, '/ledgers/markets?region=350102')
  t.equal(outside.statusCode, 403, 'another county is refused')
  t.match(outside.json().error.fields, [{ field: 'query.region', message: '该地区不在本辖区' }])
  t.equal((await get(app, county, '/ledgers/markets?region=350100')).statusCode, 403)
  const badCursor = await get(app, county, '/ledgers/markets?after=nonsense')
  t.equal(badCursor.statusCode, 400)
  t.match(badCursor.json().error.fields, [{ field: 'query.after' }])
  const badLimit = await get(app, county, '/ledgers/markets?limit=500')
  t.match(badLimit.json().error.fields, [{ field: 'query.limit', message: '每页最多100条' }])
})

t.test('the care network per station, with its check-ins', async (t) => {
  const app = await buildTestApp(t)
  const { county, other, province } = await staffOf(app)
  const create = async (payload: Record<string, unknown>) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/places',
      headers: province.auth,
      payload,
    })
    if (res.statusCode !== 201) throw new Error(res.body)
    return res.json() as { id: string }
  }
  const branch = await create(branchInput())
  await create(placeInput({ name: '东街爱心驿站', facilities: ['water', 'charging'] }))
  await create(placeInput({ name: '中山路驿站', regionCode: '350203' }))
  for (const [i, name] of ['报到甲', '报到乙'].entries()) {
    const member = await verifiedMember(
      app,
      name,
      riderForm({ mobile: `1381234000${i}`, riderId: `CK${i}` }),
    )
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/places/${branch.id}/checkins`,
      headers: member.auth,
      payload: { note: '附近送单' },
    })
    if (i === 0)
      await app.inject({
        method: 'POST',
        url: `/api/v1/review/checkins/${res.json().id}/decision`,
        headers: county.auth,
        payload: { decision: 'approve' },
      })
  }

  const stations = (await get(app, county, '/ledgers/stations')).json()
  t.same(
    stations.items.map((s: { name: string }) => s.name),
    ['东街爱心驿站', '矩阵测试流动党员党支部'].sort(),
  )
  t.match(
    stations.items.find((s: { id: string }) => s.id === branch.id),
    { kind: 'flow_branch', kindLabel: '流动党员党支部', checkinsApproved: 1, checkinsPending: 1 },
  )
  t.match(
    stations.items.find((s: { name: string }) => s.name === '东街爱心驿站'),
    {
      kindLabel: '爱心驿站',
      status: 'open',
      roundTheClock: true,
      facilities: ['饮用水', '电动车充电'],
      checkinsApproved: 0,
    },
  )
  const ledger = (await get(app, county, '/ledgers')).json()
  t.equal(stations.items.length, ledger.care.total, 'one row per place the ledger counts')

  const branches = (await get(app, county, '/ledgers/stations?kind=flow_branch')).json()
  t.equal(branches.items.length, 1)
  t.equal((await get(app, other, '/ledgers/stations')).json().items.length, 1)
  t.equal((await get(app, other, '/ledgers/stations?region=350102')).statusCode, 403)
  const badKind = await get(app, county, '/ledgers/stations?kind=palace')
  t.equal(badKind.statusCode, 400)
  t.match(badKind.json().error.fields, [{ field: 'query.kind', message: '请选择场所类型' }])
})

t.test('a ledger figure opens its records: list routes narrowed to a region', async (t) => {
  const app = await buildTestApp(t)
  const { county, city, province } = await staffOf(app)
  await submitMembership(app, await consentingUser(app, '鼓楼骑手'), riderForm())
  await submitMembership(
    app,
    await consentingUser(app, '思明骑手'),
    riderForm({ mobile: '13811112222', riderId: 'SM1', workRegionCode: '350203' }),
  )
  const queue = async (who: Account, region?: string) =>
    get(app, who, `/review/memberships${region ? `?region=${region}` : ''}`)
  t.equal((await queue(province)).json().items.length, 2, 'the whole province')
  const narrowed = (await queue(province, '350203')).json().items
  t.same(
    narrowed.map((item: { regionCode: string }) => item.regionCode),
    ['350203'],
    'only 思明区 when the figure was 思明区’s',
  )
  t.equal((await queue(city, '350100')).json().items.length, 1)
  const refused = await queue(county, '350203')
  t.equal(refused.statusCode, 403, 'a region outside my jurisdiction is refused, not emptied')
  t.match(refused.json().error.fields, [{ field: 'query.region' }])
  t.equal((await queue(county, '999999')).statusCode, 400)

  for (const url of [
    '/review/checkins?region=350203',
    '/review/pledges?region=350203',
    '/review/pledge-reports?region=350203',
    '/review/pledge-ranking?region=350203',
  ]) {
    t.equal((await get(app, province, url)).statusCode, 200, url)
    t.equal((await get(app, county, url)).statusCode, 403, `${url} outside my jurisdiction`)
  }
})

t.test(
  "confirmed check-ins count where the member registered, by the member's platform",
  async (t) => {
    const app = await buildTestApp(t)
    const { county, other, city } = await staffOf(app)
    const branch = await app.inject({
      method: 'POST',
      url: '/api/v1/places',
      headers: city.auth,
      payload: branchInput({ regionCode: '350103', name: '台江流动党员党支部' }),
    })
    t.equal(branch.statusCode, 201)
    const checkIn = async (name: string, form: Record<string, unknown>, approve: boolean) => {
      const member = await verifiedMember(app, name, riderForm({ name, ...form }))
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/places/${branch.json().id}/checkins`,
        headers: member.auth,
        payload: {},
      })
      if (approve)
        await app.inject({
          method: 'POST',
          url: `/api/v1/review/checkins/${res.json().id}/decision`,
          headers: city.auth,
          payload: { decision: 'approve' },
        })
    }
    // Riders of 鼓楼区 checking in at a branch in 台江区: 鼓楼区's riders ledger counts them.
    await checkIn('美团骑手', { mobile: '13811113001', riderId: 'CKM' }, true)
    await checkIn('饿了么骑手', { mobile: '13811113002', riderId: 'CKE', platform: 'eleme' }, true)
    await checkIn('待确认骑手', { mobile: '13811113003', riderId: 'CKP' }, false)

    const list = async (query: string, who = county) =>
      (await get(app, who, `/ledgers/checkins?${query}`)).json()
    const gulou = await list('region=350102')
    t.same(
      gulou.items.map((c: { memberName: string }) => c.memberName).sort(),
      ['美团骑手', '饿了么骑手'].sort(),
      'confirmed ones only, under the members’ county',
    )
    t.match(
      gulou.items.find((c: { platform: string }) => c.platform === 'eleme'),
      {
        regionCode: '350102',
        regionName: '鼓楼区',
        placeName: '台江流动党员党支部',
      },
    )
    t.equal((await list('region=350102&platform=meituan')).items.length, 1)
    const first = await list('region=350102&limit=1')
    const second = await list(`region=350102&limit=1&after=${first.next}`)
    t.same(
      [...first.items, ...second.items].map((c: { id: string }) => c.id),
      gulou.items.map((c: { id: string }) => c.id),
      'pages cover every check-in once, in order',
    )
    t.equal(second.next, null)
    t.equal((await list('region=350103', city)).items.length, 0, 'not where the branch is')
    const ledger = (await get(app, county, '/ledgers')).json()
    for (const row of ledger.riders.byPlatform)
      t.equal(
        (await list(`region=350102&platform=${row.platform}`)).items.length,
        row.joinedBranch,
        `${row.label}: the figure and its list`,
      )
    t.equal((await get(app, other, '/ledgers/checkins?region=350102')).statusCode, 403)
  },
)

t.test('the markets and stations lists narrow as the ledger figures count', async (t) => {
  const app = await buildTestApp(t)
  const { county, province } = await staffOf(app)
  const market = async (name: string, form: Record<string, unknown>) =>
    submitMembership(app, await consentingUser(app, name), marketOpenerForm(form))
  await market('甲', { mobile: '13811114001', marketName: '有组织市场' })
  await market('乙', {
    mobile: '13811114002',
    marketName: '无组织市场',
    orgForm: 'none',
    orgName: undefined,
  })
  const names = async (query: string) =>
    (await get(app, county, `/ledgers/markets?${query}`))
      .json()
      .items.map((m: { marketName: string }) => m.marketName)
  t.same(await names('organised=yes'), ['有组织市场'])
  t.same(await names('organised=no'), ['无组织市场'])
  t.same(await names('orgForm=joint_branch'), ['有组织市场'])
  t.same(await names('orgForm=none'), ['无组织市场'])

  const place = await app.inject({
    method: 'POST',
    url: '/api/v1/places',
    headers: province.auth,
    payload: placeInput({ name: '暂停的驿站' }),
  })
  await app.inject({
    method: 'PATCH',
    url: `/api/v1/places/${place.json().id}`,
    headers: province.auth,
    payload: { status: 'suspended' },
  })
  const stations = async (query: string) =>
    (await get(app, county, `/ledgers/stations?${query}`)).json().items.length
  t.equal(await stations(''), 1, 'every status without a filter')
  t.equal(await stations('status=open'), 0, 'the ledger counts open places only')
  t.equal((await get(app, county, '/ledgers')).json().care.total, 0)
})
