import { sql } from 'kysely'
import t from 'tap'
import { readMeta } from '../src/meta/meta.repository.ts'
import { runSeeds, type SeedStep } from '../src/seed/seed.ts'
import { DEMO_STAFF_PASSWORD } from '../src/staff/staff.demo-seed.ts'
import { buildTestApp } from './helper.ts'

const probeStep = (
  version: string,
  body: (trx: Parameters<SeedStep['run']>[0]) => Promise<void>,
): SeedStep => ({
  name: 'probe',
  demo: false,
  version,
  run: body,
})

t.test('a step runs once per version', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  let runs = 0
  const step = (version: string) => probeStep(version, async () => void runs++)
  t.same((await runSeeds(app.db, { demo: false, cipher: app.cipher }, [step('1')])).ran, ['probe'])
  t.same((await runSeeds(app.db, { demo: false, cipher: app.cipher }, [step('1')])).ran, [])
  t.same((await runSeeds(app.db, { demo: false, cipher: app.cipher }, [step('2')])).ran, ['probe'])
  t.equal(runs, 2)
})

t.test('demo steps run only when the demo dataset is wanted', async (t) => {
  const app = await buildTestApp(t, { SEED_DEMO: 'false' })
  await app.ready()
  t.equal(await readMeta(app.db, 'demo'), undefined)
  const { seedSteps } = await import('../src/seed/seed.ts')
  t.same((await runSeeds(app.db, { demo: false, cipher: app.cipher })).ran, [])
  t.same((await runSeeds(app.db, { demo: true, cipher: app.cipher }, seedSteps)).ran, [
    'demo-marker',
    'demo-staff',
    'demo-registers',
    'demo-memberships',
    'demo-places',
    'demo-pledges',
    'demo-platform-sites',
    'demo-activities',
    'demo-difficulties',
    'demo-honours',
  ])
  t.match(await readMeta(app.db, 'demo'), { label: '演示数据' })
  const upcoming = await app.db
    .selectFrom('activities')
    .select(['title', 'state', 'starts_at', 'branch_id'])
    .execute()
  t.equal(upcoming.length, 2, 'two demo activities')
  t.ok(
    upcoming.every((row) => row.state === 'published' && row.starts_at.getTime() > Date.now()),
    'both upcoming',
  )
  t.ok(
    upcoming.every((row) => row.title.startsWith('演示') && row.branch_id),
    'at the demo branch',
  )
  const pending = await app.db
    .selectFrom('memberships')
    .select(['state', 'region_code'])
    .where('state', '=', 'submitted')
    .execute()
  t.equal(pending.length, 5, 'demo entries wait in the review queue')
  const strengths = await app.db
    .selectFrom('memberships')
    .select(['name', 'evidence_strength', 'evidence_sources'])
    .orderBy('name')
    .execute()
  t.same(
    strengths.map((row) => `${row.name}:${row.evidence_strength}:${row.evidence_sources}`),
    [
      '刘建华:none:0',
      '周文华:none:0',
      '张伟:none:0',
      '李强:moderate:1',
      '林开办:none:0',
      '林秀英:none:0',
      '王小明:strong:2',
      '陈建国:strong:3',
    ],
    'the demo registers confirm some entries and not others',
  )
  const shown = await app.db
    .selectFrom('pledges')
    .select(['code', 'demo'])
    .where('public_version_id', 'is not', null)
    .execute()
  t.equal(shown.length, 1, "小林's demo pledge is public")
  const page = await app.inject({ url: `/api/v1/public/pledges/${shown[0]?.code}` })
  t.match(page.json(), { status: 'valid', awards: [{ title: '党员诚信示范店' }] })
  const owner = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/wechat',
    payload: { code: 'dev:演示店主小林' },
  })
  const registration = await app.inject({
    url: '/api/v1/memberships/mine',
    headers: { authorization: `Bearer ${owner.json().accessToken}` },
  })
  t.match(registration.json().membership, {
    state: 'verified',
    timeline: [{ action: 'verified' }, { action: 'submitted' }],
  })
  const staff = await app.db
    .selectFrom('staff_accounts')
    .select(['username', 'level'])
    .orderBy('username')
    .execute()
  t.same(staff.map((row) => row.level).sort(), ['city', 'county', 'county', 'province', 'station'])
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    payload: { username: 'demo.gulou', password: DEMO_STAFF_PASSWORD },
  })
  t.equal(signIn.statusCode, 200, 'the demo account of the README signs in')
  t.equal(signIn.json().user.staff.region.name, '鼓楼区')
  const gulou = { authorization: `Bearer ${signIn.json().accessToken}` }
  const spots = await app.inject({ url: '/api/v1/staff/difficulties/hotspots', headers: gulou })
  t.match(
    spots.json().spots,
    [{ name: '演示·某某花园小区', total: 3, open: 2, closed: 1 }],
    "诉求热点 shows the demo estate's three difficulties as one spot",
  )
  const listed = await app.inject({
    url: `/api/v1/staff/difficulties?near=${spots.json().spots[0]?.id}&limit=50`,
    headers: gulou,
  })
  t.equal(listed.json().items.length, 3, 'and the spot opens a list of three')
  const honours = await app.inject({ url: '/api/v1/public/honours' })
  t.match(
    honours.json().items,
    [{ shownName: '刘师傅', platform: 'meituan', cityName: '福州市' }],
    '最美骑手 shows the demo honour under surname + 师傅',
  )
  const nearby = await app.inject({ url: '/api/v1/places/nearby?lat=26.0865&lng=119.2965' })
  t.equal(nearby.json().items[0].name, '东街口爱心驿站', 'the e2e test finds this station first')
  t.ok(Math.abs(nearby.json().items[0].distanceMeters - 150) <= 10, 'about 150 m from 东街口')
  const demoPlaces = await app.db.selectFrom('places').select(['kind', 'demo']).execute()
  t.ok(demoPlaces.length >= 12 && demoPlaces.every((row) => row.demo), 'demo places are marked')
  t.same([...new Set(demoPlaces.map((row) => row.kind))].sort(), [
    'canteen',
    'care_station',
    'flow_branch',
    'guidance_station',
    'service_center',
  ])
})

t.test('a failing step leaves nothing half-written', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const failing = probeStep('1', async (trx) => {
    await sql`insert into app_meta (key, value) values ('half', '1')`.execute(trx)
    throw new Error('boom')
  })
  await t.rejects(runSeeds(app.db, { demo: false, cipher: app.cipher }, [failing]), {
    message: 'boom',
  })
  t.equal(await readMeta(app.db, 'half'), undefined)
  t.equal(await readMeta(app.db, 'seed:probe'), undefined)
})
