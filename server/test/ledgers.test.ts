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
  'a ledger counts self-reported and verified apart, within the jurisdiction, with its children',
  async (t) => {
    const app = await buildTestApp(t)
    const county = await signInStaff(app, 'county.gl', 'county', '350102')
    const other = await signInStaff(app, 'county.sm', 'county', '350203')
    const city = await signInStaff(app, 'city.fz', 'city', '350100')
    const province = await signInStaff(app, 'province.fj', 'province', '350000')
    const register = async (name: string, form: Record<string, unknown>) =>
      submitMembership(app, await consentingUser(app, name), form)
    const verify = async (entry: { id: string; version: number }) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/review/memberships/${entry.id}/decision`,
        headers: province.auth,
        payload: { decision: 'verify', version: entry.version },
      })
      t.equal(res.statusCode, 200)
    }
    await verify(
      await register(
        '骑手甲',
        riderForm({ mobile: '13811110001', riderId: 'A1', memberType: 'full' }),
      ),
    )
    await register(
      '骑手乙',
      riderForm({
        mobile: '13811110002',
        riderId: 'A2',
        platform: 'eleme',
        memberType: 'probationary',
      }),
    )
    await verify(await register('开办方甲', marketOpenerForm({ mobile: '13811110003' })))
    await register(
      '开办方乙',
      marketOpenerForm({
        mobile: '13811110004',
        regionCode: '350203',
        orgForm: 'none',
        orgName: undefined,
        stallCount: 40,
        memberStallOwnerCount: 0,
      }),
    )

    const ledger = async (who: { auth: { authorization: string } }, region?: string) =>
      app.inject({ url: `/api/v1/ledgers${region ? `?region=${region}` : ''}`, headers: who.auth })
    const mine = (await ledger(county)).json()
    t.match(mine.region, { code: '350102', name: '鼓楼区', level: 'county' })
    t.match(mine.members.byKind, [
      { kind: 'rider', reported: 1, verified: 1 },
      { kind: 'operator', reported: 0, verified: 0 },
      { kind: 'market_opener', reported: 0, verified: 1 },
    ])
    t.match(mine.members.pending, { count: 1, oldestDays: 0 })
    t.match(mine.riders.byPlatform, [
      {
        platform: 'eleme',
        label: '饿了么',
        members: { reported: 1, verified: 0 },
        probationary: { reported: 1, verified: 0 },
      },
      {
        platform: 'meituan',
        label: '美团',
        members: { reported: 0, verified: 1 },
        full: { reported: 0, verified: 1 },
        flow: { verified: 1 },
      },
    ])
    t.same(mine.riders.members, { reported: 1, verified: 1 }, 'riders of every platform together')
    t.match(mine.markets, {
      markets: { reported: 0, verified: 1 },
      withOrganisation: { verified: 1 },
      coverageRate: 1,
      stalls: { verified: 120 },
      memberStallOwners: { verified: 8 },
    })
    t.same(mine.children, [], 'a county has no child jurisdictions')

    const fuzhou = (await ledger(city, '350100')).json()
    t.match(
      fuzhou.markets,
      { markets: { reported: 0, verified: 1 } },
      "思明区's market is not 福州's",
    )
    t.match(
      fuzhou.children.find((child: { code: string }) => child.code === '350102'),
      { name: '鼓楼区', members: { reported: 1, verified: 2 }, markets: { verified: 1 } },
    )
    const fujian = (await ledger(province)).json()
    t.same(fujian.riders.members, { reported: 1, verified: 1 }, 'the province counts them too')
    t.match(fujian.markets, {
      markets: { reported: 1, verified: 1 },
      withoutOrganisation: { reported: 1 },
    })
    t.match(
      fujian.children.find((child: { code: string }) => child.code === '350200'),
      { name: '厦门市', markets: { reported: 1 } },
    )
    t.equal(
      fujian.members.byKind.reduce(
        (sum: number, row: { reported: number }) => sum + row.reported,
        0,
      ),
      2,
    )

    // Three days on, the entry still waits: a county's ledger (read in one statement) and
    // its city's (in several) agree on how long.
    const later = new Date(Date.now() + 3 * 86_400_000 + 60_000)
    app.clock = () => later
    t.match((await ledger(county)).json().members.pending, { count: 1, oldestDays: 3 })
    t.match((await ledger(city, '350100')).json().members.pending, { count: 1, oldestDays: 3 })
    app.clock = () => new Date()

    t.equal((await ledger(county, '350100')).statusCode, 403, 'a county cannot read its city')
    t.equal((await ledger(other, '350102')).statusCode, 403, 'nor another county')
    t.match((await ledger(county, '350100')).json().error, {
      code: 'forbidden',
      fields: [{ field: 'query.region', message: '该地区不在本辖区' }],
    })
    t.equal((await ledger(county, '999999')).statusCode, 400)
  },
)
