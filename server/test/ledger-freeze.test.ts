import { lastEndedPeriod, periodEnd, periodStart } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { freezeEndedPeriod } from '../src/ledgers/period-freeze.ts'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { consentingUser, riderForm, submitMembership } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

/**
 * The freeze covers every region; these apps keep one province (福建, 94 regions) so a
 * freeze takes about a second here instead of ~40 s for all 3 348.
 */
async function fujianOnly(app: FastifyInstance): Promise<number> {
  await sql`delete from regions where not path <@ '350000'`.execute(app.db)
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from regions`.execute(app.db)
  return rows[0]?.n ?? 0
}

const at = (app: FastifyInstance, beijing: string) => {
  const now = new Date(`${beijing}+08:00`)
  app.clock = () => now
  return now
}

function snapshotCounts(app: FastifyInstance, period: string) {
  return app.db
    .selectFrom('ledger_period_snapshots as s')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .select(['r.level', sql<number>`count(*)::int`.as('n')])
    .where('s.period', '=', period)
    .groupBy('r.level')
    .orderBy('r.level')
    .execute()
}

const get = async (app: FastifyInstance, who: Account, url: string) =>
  app.inject({ url, headers: who.auth })

t.test('half-years end at 6-30 and 12-31 24:00 Beijing time', async (t) => {
  const utc = (iso: string) => new Date(iso)
  t.equal(lastEndedPeriod(utc('2026-06-30T15:59:59.999Z')), '2025-H2', '6-30 23:59:59 Beijing')
  t.equal(lastEndedPeriod(utc('2026-06-30T16:00:00Z')), '2026-H1', '7-1 00:00 Beijing')
  t.equal(lastEndedPeriod(utc('2026-12-03T10:00:00Z')), '2026-H1')
  t.equal(lastEndedPeriod(utc('2026-12-31T16:00:00Z')), '2026-H2', '2027-1-1 00:00 Beijing')
  t.same(periodStart('2026-H2'), utc('2026-06-30T16:00:00Z'))
  t.same(periodEnd('2026-H2'), utc('2026-12-31T16:00:00Z'))
})

t.test(
  'every ledger freezes once when the half-year ends, and reports send those figures',
  async (t) => {
    const app = await buildTestApp(t)
    const regions = await fujianOnly(app)
    const county = await signInStaff(app, 'county.gl', 'county', '350102')
    const other = await signInStaff(app, 'county.sm', 'county', '350203')
    const city = await signInStaff(app, 'city.fz', 'city', '350100')
    const province = await signInStaff(app, 'province.fj', 'province', '350000')
    const rider = (n: number) =>
      riderForm({ mobile: `1382222000${n}`, riderId: `F-${n}`, deliveryStation: `站${n}` })
    await submitMembership(app, await consentingUser(app, '骑手甲'), rider(1))

    const before = await freezeEndedPeriod(app.db, at(app, '2026-06-30T23:59:00'))
    t.match(before, { period: '2025-H2', frozen: regions, failed: 0 })
    t.same(await snapshotCounts(app, '2026-H1'), [], 'nothing frozen for H1 before it ends')

    const now = at(app, '2026-07-01T00:01:00')
    t.match(await freezeEndedPeriod(app.db, now), { period: '2026-H1', frozen: regions, failed: 0 })
    t.same(await snapshotCounts(app, '2026-H1'), [
      { level: 'city', n: 9 },
      { level: 'county', n: regions - 10 },
      { level: 'province', n: 1 },
    ])
    const frozen = async (who: Account, region: string) =>
      (await get(app, who, `/api/v1/ledgers?region=${region}&period=2026-H1`)).json()
    for (const [who, region] of [
      [county, '350102'],
      [city, '350100'],
      [province, '350000'],
    ] as const) {
      // The live ledger also says which list each figure opens; a frozen one opens none
      // (today's lists no longer hold what it counted), so only the figures compare.
      const { links, ...live } = (await get(app, who, `/api/v1/ledgers?region=${region}`)).json()
      t.ok(links, `${region}: the live ledger links its figures`)
      const { links: frozenLinks, ...figures } = await frozen(who, region)
      t.notOk(frozenLinks, `${region}: a frozen ledger links to nothing`)
      t.same(figures, live, `${region}: the figures of 7-1 00:01`)
    }
    t.match(await freezeEndedPeriod(app.db, now), { frozen: 0 }, 'a second run adds nothing')

    await submitMembership(app, await consentingUser(app, '骑手乙'), rider(2))
    const h1 = await frozen(county, '350102')
    t.match(h1, { asOf: '2026-06-30T16:01:00.000Z', members: { byKind: [{ reported: 1 }] } })
    await t.rejects(
      sql`update ledger_period_snapshots set snapshot = '{}' where region_code = '350102'`.execute(
        app.db,
      ),
      /never changes/,
      'a frozen ledger cannot be updated',
    )

    at(app, '2026-07-05T10:00:00')
    const send = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/v1/ledger-reports', headers: county.auth, payload })
    const v1 = (await send({ period: '2026-H1' })).json()
    t.match(v1, { version: 1, basis: 'period_end' })
    t.same(v1.ledger, h1, 'the first report sends the 6-30 figures, not those of 7-5')
    const v2 = (await send({ period: '2026-H1', reason: '补录骑手' })).json()
    t.match(v2, { version: 2, basis: 'live', ledger: { asOf: '2026-07-05T02:00:00.000Z' } })
    t.equal(v2.ledger.members.byKind[0].reported, 2, 'a correction sends the live figures')
    const listed = (await get(app, city, '/api/v1/ledger-reports?period=2026-H1')).json()
    t.same(
      listed.items.map((item: { version: number; basis: string }) => [item.version, item.basis]),
      [
        [2, 'live'],
        [1, 'period_end'],
      ],
    )
    await t.rejects(
      sql`update ledger_reports set basis = 'live' where id = ${v1.id}`.execute(app.db),
      /never changes/,
    )
    t.match((await send({ period: '2026-H2' })).json(), { basis: 'live' }, 'a running period')
    const early = await send({ period: '2027-H1' })
    t.equal(early.statusCode, 400)
    t.match(early.json().error.fields, [{ field: 'body.period', message: '报告期尚未开始' }])

    t.equal(
      (await get(app, other, '/api/v1/ledgers?region=350102&period=2026-H1')).statusCode,
      403,
      "another county cannot read 鼓楼's snapshot",
    )
    const absent = await get(app, county, '/api/v1/ledgers?period=2024-H1')
    t.equal(absent.statusCode, 404)
    t.match(absent.json().error.message, '尚未冻结')
    t.match((await get(app, county, '/api/v1/ledgers?period=2026-Q1')).json().error.fields, [
      { field: 'query.period' },
    ])
    const csv = await get(app, county, '/api/v1/ledgers/export.csv?period=2026-H1')
    t.equal(csv.statusCode, 200)
    t.match(csv.headers['content-disposition'], encodeURIComponent('鼓楼区台账2026-H1期末.csv'))
    t.match(csv.body, `\r\n${h1.members.byKind[0].label},1,0\r\n`, 'the frozen figures, not live')
  },
)

t.test('2027-01-01 freezes 2026-H2 with the bureau work of 2026', async (t) => {
  const app = await buildTestApp(t)
  await fujianOnly(app)
  const county = await signInStaff(app, 'county.gl', 'county', '350102')
  const training = await app.inject({
    method: 'POST',
    url: '/api/v1/work/training-sessions',
    headers: county.auth,
    payload: { heldOn: '2026-11-20', title: '小个专党组织书记培训班', attendees: 35 },
  })
  t.equal(training.statusCode, 201)
  t.match(await freezeEndedPeriod(app.db, at(app, '2027-01-01T00:00:00')), { period: '2026-H2' })
  const h2 = (await get(app, county, '/api/v1/ledgers?period=2026-H2')).json()
  t.match(h2.work, { year: 2026, total: { training: { sessions: 1, peopleTrained: 35 } } })
  const live = (await get(app, county, '/api/v1/ledgers')).json()
  t.match(live.work, { year: 2027, total: { training: { sessions: 0 } } }, 'live: the new year')
})

t.test(
  'the server freezes on its own after start; two runs at once freeze each region once',
  async (t) => {
    const app = await buildTestApp(t, { LEDGER_FREEZE: 'auto' })
    const regions = await fujianOnly(app)
    at(app, '2026-07-01T09:00:00')
    await app.ready()
    let frozen = 0
    for (let i = 0; i < 150 && frozen < regions; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      frozen = (await snapshotCounts(app, '2026-H1')).reduce((sum, row) => sum + row.n, 0)
    }
    t.equal(frozen, regions, 'every region frozen without a request')
    const row = await app.db
      .selectFrom('ledger_period_snapshots')
      .select(['frozen_at', sql<string>`snapshot->>'asOf'`.as('as_of')])
      .where('region_code', '=', '350102')
      .executeTakeFirstOrThrow()
    t.same(row.frozen_at, new Date('2026-07-01T01:00:00Z'), 'the time it really froze')
    t.equal(row.as_of, '2026-07-01T01:00:00.000Z')

    const later = at(app, '2027-01-01T00:00:05')
    const runs = await Promise.all([
      freezeEndedPeriod(app.db, later),
      freezeEndedPeriod(app.db, later),
    ])
    t.equal(runs[0].frozen + runs[1].frozen, regions, 'each region built once between them')
    const h2 = await snapshotCounts(app, '2026-H2')
    t.equal(
      h2.reduce((sum, level) => sum + level.n, 0),
      regions,
    )
  },
)
