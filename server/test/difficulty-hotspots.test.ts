import { HOTSPOT_RADIUS_M } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { metresBetween, spotCentres } from '../src/difficulties/hotspots.service.ts'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { member } from './fixtures/activities.ts'
import { buildTestApp } from './helper.ts'

/** A point `north` and `east` metres from `from` (small distances, flat enough). */
function offset(from: { lat: number; lng: number }, north: number, east: number) {
  const metresPerDegree = (Math.PI / 180) * 6_378_168
  return {
    lat: from.lat + north / metresPerDegree,
    lng: from.lng + east / (metresPerDegree * Math.cos((from.lat * Math.PI) / 180)),
  }
}

interface Seeded {
  category: string
  at?: { lat: number; lng: number }
  closed?: boolean
  region?: string
  name?: string
}

/** Difficulties written directly (a rider's daily limit would stop a crowd through the API). */
async function seed(app: FastifyInstance, userId: string, rows: Seeded[]) {
  for (const row of rows) {
    const region = row.region ?? '350102'
    const place = row.at
      ? sql`${row.name ?? '某小区'}, '福州市某路1号', ${row.at.lat}::float8, ${row.at.lng}::float8,
          ll_to_earth(${row.at.lat}::float8, ${row.at.lng}::float8)`
      : sql`null, null, null, null, null`
    await sql`insert into difficulties (user_id, region_code, region_path, category, text,
        place_name, place_address, lat, lng, geo, state, outcome, closed_at)
      select ${userId}::uuid, r.code, r.path, ${row.category}, '小区不让骑手进门送餐', ${place},
        ${row.closed ? 'closed' : 'open'}, ${row.closed ? 'solved' : null},
        ${row.closed ? sql`now()` : null}
      from regions r where r.code = ${region}`.execute(app.db)
  }
}

async function hotspots(app: FastifyInstance, who: Account, query: string) {
  const res = await app.inject({
    url: `/api/v1/staff/difficulties/hotspots?${query}`,
    headers: who.auth,
  })
  return res
}

/** Every page of the staff list for `query`: its items and the total it states. */
async function listed(app: FastifyInstance, who: Account, query: string) {
  const items: { id: string }[] = []
  let after: string | null = null
  let total = -1
  do {
    const suffix: string = after ? `&after=${encodeURIComponent(after)}` : ''
    const res = await app.inject({
      url: `/api/v1/staff/difficulties?${query}&limit=50${suffix}`,
      headers: who.auth,
    })
    if (res.statusCode !== 200) throw new Error(res.body)
    const page = res.json()
    items.push(...page.items)
    total = page.total
    after = page.next
  } while (after)
  return { items, total }
}

const estate = { lat: 26.0865, lng: 119.2965 }

t.test('a county sees its hot spots, each opening a list as long as its figure', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const rider = await member(app, '热点骑手')
  const userId = (
    await app.db
      .selectFrom('memberships')
      .select('user_id')
      .where('name', 'like', '党员%')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
  ).user_id
  t.ok(rider)
  const gulou = await signInStaff(app, 'hot.gulou', 'county', '350102')
  const fuzhou = await signInStaff(app, 'hot.fuzhou', 'city', '350100')
  const siming = await signInStaff(app, 'hot.siming', 'county', '350203')
  const far = offset(estate, 600, 0)
  await seed(app, userId, [
    // Five at the estate, within 60 m of one another; one of them closed.
    { category: 'entry', at: estate, name: '某某花园小区' },
    { category: 'entry', at: offset(estate, 30, 0), name: '某某花园小区' },
    { category: 'entry', at: offset(estate, 0, 40), name: '某某花园小区东门' },
    { category: 'stairs', at: offset(estate, -20, 20), name: '某某花园小区' },
    { category: 'entry', at: offset(estate, 10, -50), closed: true },
    // Three 600 m north, at a charging point.
    { category: 'charging', at: far, name: '某充电站' },
    { category: 'charging', at: offset(far, 50, 0), name: '某充电站' },
    { category: 'parking', at: offset(far, 0, 80), closed: true },
    // Alone, 2 km away: no spot.
    { category: 'parking', at: offset(estate, -2000, 0) },
    // Without a place.
    { category: 'rights' },
    { category: 'conditions', closed: true },
    // Another county of the city.
    { category: 'entry', at: { lat: 26.06, lng: 119.31 }, region: '350103' },
  ])

  const res = await hotspots(app, gulou, '')
  t.equal(res.statusCode, 200, res.body)
  const body = res.json()
  t.equal(body.region.code, '350102')
  t.equal(body.located, 9)
  t.equal(body.unlocated, 2)
  t.equal(body.counties.length, 1)
  t.match(body.counties[0], { regionCode: '350102', open: 8, closed: 3 })
  const entry = body.counties[0].byCategory.find(
    (row: { category: string }) => row.category === 'entry',
  )
  t.match(entry, { label: '进门难', open: 3, closed: 1 })
  t.equal(body.spots.length, 2, 'the estate and the charging point; the lone one is no spot')
  const [first, second] = body.spots
  t.match(first, { total: 5, open: 4, closed: 1, name: '某某花园小区' })
  t.match(first.byCategory[0], { category: 'entry', label: '进门难', count: 4 })
  t.match(second, { total: 3, open: 2, closed: 1, name: '某充电站' })
  for (const spot of body.spots) {
    const list = await listed(app, gulou, `near=${spot.id}`)
    t.equal(list.total, spot.total, `${spot.name}: the list states ${spot.total}`)
    t.equal(list.items.length, spot.total, `${spot.name}: and holds ${spot.total}`)
    const open = await listed(app, gulou, `near=${spot.id}&state=open`)
    t.equal(open.items.length, spot.open)
  }
  // Each county figure opens the staff list of that county, category and state.
  for (const row of body.counties[0].byCategory) {
    for (const state of ['open', 'closed'] as const) {
      const list = await listed(app, gulou, `region=350102&category=${row.category}&state=${state}`)
      t.equal(list.items.length, row[state], `${row.label} ${state}`)
    }
  }

  const entryOnly = (await hotspots(app, gulou, 'category=entry')).json()
  t.equal(entryOnly.spots.length, 1)
  t.match(entryOnly.spots[0], { total: 4 })
  const entryList = await listed(app, gulou, `near=${entryOnly.spots[0].id}&category=entry`)
  t.equal(entryList.items.length, 4)

  const city = (await hotspots(app, fuzhou, '')).json()
  t.equal(city.spots, null, 'above a county: per county only')
  t.same(
    city.counties.map((row: { regionCode: string }) => row.regionCode),
    ['350102', '350103'],
  )
  const opened = (await hotspots(app, fuzhou, 'region=350102')).json()
  t.equal(opened.spots.length, 2, 'the city opens a county and sees its spots')

  t.equal((await hotspots(app, siming, 'region=350102')).statusCode, 403)
  const outside = await app.inject({
    url: `/api/v1/staff/difficulties?near=${first.id}`,
    headers: siming.auth,
  })
  t.equal(outside.json().total, 0, 'another county lists none of them')
  t.equal((await hotspots(app, gulou, 'category=noise')).statusCode, 400)
})

t.test('spot centres: the busiest first, none within the radius of another', async (t) => {
  // A seeded random county: crowds at a few places and points scattered between them.
  let state = 20261207
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
  const crowds = [0, 1, 2, 3].map(() => offset(estate, random() * 8000, random() * 8000))
  const points = Array.from({ length: 3000 }, (_, n) => {
    const crowd = crowds[n % 4] ?? estate
    const spread = n % 3 === 0 ? 6000 : 150
    return {
      id: `p${String(n).padStart(5, '0')}`,
      ...offset(crowd, (random() - 0.5) * spread, (random() - 0.5) * spread),
    }
  })
  const centres = spotCentres(points)
  const byId = new Map(points.map((point) => [point.id, point]))
  t.ok(centres.length > 4 && centres.length <= 30, `${centres.length} centres`)
  const within = (a: string, b: string) => {
    const p = byId.get(a)
    const q = byId.get(b)
    return p && q ? metresBetween(p, q) <= HOTSPOT_RADIUS_M : false
  }
  for (const [index, centre] of centres.entries()) {
    const earlier = centres.slice(0, index)
    t.notOk(
      earlier.some((other) => within(centre, other)),
      `${centre} is not within the radius of an earlier centre`,
    )
    const neighbours = points.filter((point) => within(centre, point.id)).length
    t.ok(neighbours >= 2, `${centre} has ${neighbours} within the radius`)
  }
  const crowdCentres = crowds.map((crowd) =>
    centres.some((id) => {
      const point = byId.get(id)
      return point ? metresBetween(point, crowd) <= 300 : false
    }),
  )
  t.same(crowdCentres, [true, true, true, true], 'every crowd has a spot')
  t.same(spotCentres([]), [])
  t.same(spotCentres([{ id: 'a', lat: null, lng: null }]), [])
  t.same(
    spotCentres([
      { id: 'a', ...estate },
      { id: 'b', ...offset(estate, 250, 0) },
    ]),
    [],
    'two points 250 m apart are no spot',
  )
})
