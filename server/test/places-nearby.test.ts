import { Writable } from 'node:stream'
import type { OpeningHours, PlaceInput } from '@djt/shared'
import { CHINA_TIME_ZONE, PlacePage } from '@djt/shared'
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import Fastify, { type FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import app, { serverOptions } from '../src/app.ts'
import { isOpenAt, localMoment } from '../src/places/hours.ts'
import { type NearbyFilter, nearbyPlaces, nearbyQuery } from '../src/places/nearby.repository.ts'
import { insertPlace, placeColumns, replaceHours } from '../src/places/places.repository.ts'
import { freshPlaceCode } from '../src/places/places.service.ts'
import { placeInput } from './fixtures/matrix-places.ts'
import { buildTestApp, freshConfig } from './helper.ts'

// The zone database is the oracle the shared clock's fixed offset is checked against.
dayjs.extend(utc)
dayjs.extend(timezone)

const CENTRE = { lat: 26.0865, lng: 119.2965 }
const always: OpeningHours = { always: true, days: [[], [], [], [], [], [], []] }
const shanghai = (text: string) => dayjs.tz(text, CHINA_TIME_ZONE).toDate()
// 2026-11-22 is a Sunday, 2026-11-23 a Monday.
const SUNDAY = '2026-11-22'
const MONDAY = '2026-11-23'
const TUESDAY = '2026-11-24'

/** Haversine on earthdistance's sphere (radius 6,378,168 m): the reference order. */
function reference(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2
  return 2 * 6_378_168 * Math.asin(Math.sqrt(h))
}

/** A seeded PRNG (mulberry32): the same random places on every run. */
function prng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

async function addPlace(
  db: FastifyInstance['db'],
  overrides: Partial<PlaceInput> & { status?: 'open' | 'suspended' } = {},
) {
  const { status, ...input } = overrides
  const place = { ...(placeInput() as PlaceInput), ...input }
  const id = await insertPlace(db, {
    ...placeColumns(place, '350000.350100.350102'),
    code: await freshPlaceCode(db),
    created_by: null,
  })
  await replaceHours(db, id, place.hours)
  if (status) await db.updateTable('places').set({ status }).where('id', '=', id).execute()
  return id
}

const filter = (over: Partial<NearbyFilter>): NearbyFilter => ({
  ...CENTRE,
  radius: 3000,
  kinds: [],
  facilities: [],
  openNow: false,
  limit: 50,
  nearest: false,
  ...over,
})

t.test('nearest first, in true great-circle order, pages covering everything once', async (t) => {
  const instance = await buildTestApp(t)
  await instance.ready()
  const random = prng(20261122)
  const points = new Map<string, { lat: number; lng: number }>()
  for (let i = 0; i < 200; i++) {
    const location = {
      lat: CENTRE.lat + (random() - 0.5) * 0.24,
      lng: CENTRE.lng + (random() - 0.5) * 0.26,
    }
    points.set(await addPlace(instance.db, { name: `随机驿站${i}`, location }), location)
  }
  const now = new Date()
  for (let q = 0; q < 5; q++) {
    const from = {
      lat: CENTRE.lat + (random() - 0.5) * 0.1,
      lng: CENTRE.lng + (random() - 0.5) * 0.1,
    }
    const radius = 4000 + Math.round(random() * 4000)
    const rows = await nearbyPlaces(instance.db, filter({ ...from, radius, limit: 50 }), now)
    const expected = [...points]
      .map(([id, at]) => ({ id, distance: reference(from, at) }))
      .filter((row) => row.distance <= radius)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 50)
    t.ok(expected.length > 5, `query ${q} finds places`)
    t.same(
      rows.slice(0, expected.length).map((row) => row.id),
      expected.map((row) => row.id),
      `query ${q}: same order as the haversine reference`,
    )
    const off = rows.filter((row, i) => {
      const want = expected[i]?.distance ?? Number.NaN
      return !(Math.abs(row.distance - want) <= want * 0.005)
    })
    t.same(off, [], `query ${q}: distances within 0.5%`)
  }

  // Every page through HTTP, seven at a time.
  const seen: { id: string; distanceMeters: number }[] = []
  let after: string | null = null
  do {
    const cursor: string = after ? `&after=${after}` : ''
    const res = await instance.inject({
      url: `/api/v1/places/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}&radius=20000&limit=7${cursor}`,
    })
    t.equal(res.statusCode, 200)
    // Written without zod on the way out: the answer must still be exactly the contract.
    t.same(PlacePage.strict().parse(res.json()), res.json(), 'answer matches PlacePage')
    seen.push(...res.json().items)
    after = res.json().next
  } while (after)
  const within = [...points.values()].filter((at) => reference(CENTRE, at) <= 20000)
  t.equal(seen.length, within.length, 'pages hold every place within the radius')
  t.equal(new Set(seen.map((row) => row.id)).size, seen.length, 'each place once')
  t.ok(
    seen.every((row, i) => i === 0 || (seen[i - 1]?.distanceMeters ?? 0) <= row.distanceMeters),
    'pages in distance order',
  )
  t.ok(
    seen.every((row) => Number.isInteger(row.distanceMeters)),
    'distances rounded to metres',
  )
})

t.test('radius boundary, kinds, facilities, suspended places', async (t) => {
  const instance = await buildTestApp(t)
  await instance.ready()
  // 0.009° of latitude ≈ 1,001 m: one just inside 1,000 m, one just outside.
  const metresPerDegree = reference(CENTRE, { lat: CENTRE.lat + 1, lng: CENTRE.lng })
  const inside = await addPlace(instance.db, {
    name: '边界内',
    location: { lat: CENTRE.lat + 995 / metresPerDegree, lng: CENTRE.lng },
  })
  await addPlace(instance.db, {
    name: '边界外',
    location: { lat: CENTRE.lat + 1005 / metresPerDegree, lng: CENTRE.lng },
  })
  const canteen = await addPlace(instance.db, {
    name: '食堂',
    kind: 'canteen',
    facilities: ['microwave', 'seats'],
    location: { lat: CENTRE.lat, lng: CENTRE.lng + 0.001 },
  })
  await addPlace(instance.db, { name: '停用', status: 'suspended' })
  const names = async (query: string) => {
    const res = await instance.inject({
      url: `/api/v1/places/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}${query}`,
    })
    t.equal(res.statusCode, 200, query)
    return res.json().items.map((item: { name: string }) => item.name)
  }
  t.same(await names('&radius=1000'), ['食堂', '边界内'])
  t.same(await names('&radius=1010'), ['食堂', '边界内', '边界外'])
  t.same(await names('&radius=1000&kinds=canteen'), ['食堂'])
  t.same(await names('&radius=1000&kinds=care_station,flow_branch'), ['边界内'])
  t.same(await names('&radius=1000&facilities=microwave,seats'), ['食堂'])
  t.same(await names('&radius=1000&facilities=microwave,toilet'), [])
  t.ok(inside && canteen)

  const tooFar = await instance.inject({
    url: `/api/v1/places/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}&radius=20001`,
  })
  t.equal(tooFar.statusCode, 400)
  t.ok(
    tooFar.json().error.fields.some((f: { field: string }) => f.field === 'query.radius'),
    'names query.radius',
  )
  const badKind = await instance.inject({
    url: `/api/v1/places/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}&kinds=bank`,
  })
  t.equal(badKind.statusCode, 400)
  const badCursor = await instance.inject({
    url: `/api/v1/places/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}&after=xyz`,
  })
  t.equal(badCursor.statusCode, 400)
})

t.test('nearest=true: the nearest places however far, by the KNN index', async (t) => {
  const instance = await buildTestApp(t)
  await instance.ready()
  const metresPerDegree = reference(CENTRE, { lat: CENTRE.lat + 1, lng: CENTRE.lng })
  const north = (metres: number) => ({
    lat: CENTRE.lat + metres / metresPerDegree,
    lng: CENTRE.lng,
  })
  await addPlace(instance.db, { name: '七公里', location: north(7000), phone: '0591-87000007' })
  await addPlace(instance.db, { name: '九公里', location: north(9000) })
  await addPlace(instance.db, { name: '二十五公里', kind: 'canteen', location: north(25_000) })
  await addPlace(instance.db, { name: '四十公里', location: north(40_000) })
  await addPlace(instance.db, { name: '停用', location: north(6000), status: 'suspended' })
  const base = `/api/v1/places/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}`
  const get = async (query: string) => {
    const res = await instance.inject({ url: `${base}${query}` })
    t.equal(res.statusCode, 200, query)
    return PlacePage.strict().parse(res.json())
  }
  const names = async (query: string) => (await get(query)).items.map((item) => item.name)

  t.same(await names('&radius=3000'), [], 'nothing within 3 km')
  t.same(await names('&radius=20000'), ['七公里', '九公里'], 'two within 20 km')
  const nearest = await get('&radius=3000&nearest=true')
  t.same(
    nearest.items.map((item) => item.name),
    ['七公里', '九公里', '二十五公里', '四十公里'],
    'radius ignored: every open place, nearest first',
  )
  const distances = nearest.items.map((item) => item.distanceMeters ?? 0)
  for (const [i, want] of [7000, 9000, 25_000, 40_000].entries())
    t.ok(Math.abs((distances[i] ?? 0) - want) <= want * 0.005, `${want} m said as ${distances[i]}`)
  t.same(
    nearest.items.map((item) => item.phone),
    ['0591-87000007', null, null, null],
    'each row carries its phone',
  )
  t.same(await names('&nearest=true&kinds=canteen'), ['二十五公里'], 'filters still apply')
  t.same(await names('&nearest=false&radius=3000'), [], 'nearest=false is the radius mode')

  // Paged one at a time; a nearest page's cursor also continues a radius query.
  const seen: string[] = []
  let after: string | null = null
  do {
    const page: PlacePage = await get(`&nearest=true&limit=1${after ? `&after=${after}` : ''}`)
    seen.push(...page.items.map((item) => item.name))
    after = page.next
  } while (after)
  t.same(seen, ['七公里', '九公里', '二十五公里', '四十公里'], 'pages cover each place once')
  const first = await get('&nearest=true&limit=1')
  t.same(await names(`&radius=10000&after=${first.next}`), ['九公里'])

  const bad = await instance.inject({ url: `${base}&nearest=yes` })
  t.equal(bad.statusCode, 400)
  t.ok(bad.json().error.fields.some((f: { field: string }) => f.field === 'query.nearest'))

  // The same index-ordered scan as the radius mode, with no box: seq scans off, so a
  // plan that could not use places_geo for the order would show a Sort instead.
  const plan = await instance.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx)
    const rows = await nearbyQuery(trx, filter({ nearest: true, limit: 5 }), new Date()).explain()
    return rows.map((row) => String(Object.values(row)[0])).join('\n')
  })
  t.match(plan, /Index Scan using places_geo /, "the open places' gist index")
  t.match(plan, /Order By: .*geo.*<->/, 'ordered by the index (KNN), no Sort of every place')
  t.notMatch(plan, /earth_box/, 'no box in nearest mode')

  const docs = await instance.inject({ url: '/docs/json' })
  const parameters = docs.json().paths['/api/v1/places/nearby'].get.parameters as {
    name: string
    description?: string
  }[]
  t.match(parameters.find((p) => p.name === 'nearest')?.description ?? '', /radius is ignored/)
})

t.test('open now: across midnight, Sunday into Monday, round the clock', async (t) => {
  const overnight: OpeningHours = {
    always: false,
    days: Array.from({ length: 7 }, () => [{ open: '22:00', close: '02:00' }]),
  }
  const sundayNight: OpeningHours = {
    always: false,
    days: [[], [], [], [], [], [], [{ open: '22:00', close: '02:00' }]],
  }
  t.ok(isOpenAt(overnight, shanghai(`${TUESDAY} 01:00`)), '22–02 is open at 01:00 the next day')
  t.notOk(isOpenAt(overnight, shanghai(`${TUESDAY} 02:30`)), 'and closed at 02:30')
  t.ok(isOpenAt(overnight, shanghai(`${TUESDAY} 22:00`)), 'open from 22:00')
  t.notOk(isOpenAt(overnight, shanghai(`${TUESDAY} 21:59`)))
  t.ok(isOpenAt(sundayNight, shanghai(`${MONDAY} 01:00`)), "Sunday's night runs into Monday")
  t.notOk(isOpenAt(sundayNight, shanghai(`${SUNDAY} 01:00`)), 'Saturday had no night')
  t.ok(isOpenAt(always, shanghai(`${SUNDAY} 04:00`)))

  const instance = await buildTestApp(t)
  await instance.ready()
  await addPlace(instance.db, { name: '夜间', hours: overnight })
  await addPlace(instance.db, { name: '周日夜', hours: sundayNight })
  await addPlace(instance.db, { name: '全天', hours: always })
  await addPlace(instance.db, {
    name: '白天',
    hours: {
      always: false,
      days: Array.from({ length: 7 }, () => [{ open: '08:00', close: '20:00' }]),
    },
  })
  const openAt = async (when: string) =>
    (await nearbyPlaces(instance.db, filter({ openNow: true }), shanghai(when)))
      .map((row) => row.name)
      .sort()
  t.same(await openAt(`${TUESDAY} 01:00`), ['全天', '夜间'])
  t.same(await openAt(`${TUESDAY} 02:30`), ['全天'])
  t.same(await openAt(`${MONDAY} 01:00`), ['全天', '周日夜', '夜间'])
  t.same(await openAt(`${SUNDAY} 01:00`), ['全天', '夜间'])
  t.same(await openAt(`${SUNDAY} 23:30`), ['全天', '周日夜', '夜间'])
  t.same(await openAt(`${TUESDAY} 12:00`), ['全天', '白天'])

  // Through HTTP, with the app's clock set to Monday 01:00.
  instance.clock = () => shanghai(`${MONDAY} 01:00`)
  const res = await instance.inject({
    url: `/api/v1/places/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}&openNow=true`,
  })
  t.same(
    res
      .json()
      .items.map((item: { name: string }) => item.name)
      .sort(),
    ['全天', '周日夜', '夜间'],
  )
  t.ok(res.json().items.every((item: { openNow: boolean }) => item.openNow))
  const all = await instance.inject({
    url: `/api/v1/places/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}`,
  })
  const day = all.json().items.find((item: { name: string }) => item.name === '白天')
  t.equal(day.openNow, false, 'openNow in the answer follows the same clock')
})

t.test('the caller’s location is neither stored nor logged', async (t) => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  const config = await freshConfig(t, { LOG_LEVEL: 'info' })
  const options = serverOptions(config)
  const instance = Fastify({
    ...options,
    logger: { ...(options.logger as object), stream },
  })
  await instance.register(app, { config })
  t.teardown(() => instance.close())
  await instance.ready()
  await addPlace(instance.db, { name: '附近' })
  const lat = '26.0871234'
  const lng = '119.2978765'
  for (const query of [`lat=${lat}&lng=${lng}`, `lat=${lat}&lng=${lng}&openNow=true&radius=5000`]) {
    const res = await instance.inject({ url: `/api/v1/places/nearby?${query}` })
    t.equal(res.statusCode, 200)
    t.equal(res.json().items.length, 1)
  }
  const bad = await instance.inject({ url: `/api/v1/places/nearby?lat=${lat}&lng=${lng}&radius=1` })
  t.equal(bad.statusCode, 400)
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(instance.db)
  t.ok(tables.rows.length > 10, 'every table scanned')
  for (const { name } of tables.rows) {
    const rows = await sql<{
      row: string
    }>`select row_to_json(t)::text as row from ${sql.table(name)} t`.execute(instance.db)
    const found = rows.rows.filter((row) => row.row.includes(lat) || row.row.includes(lng))
    t.same(found, [], `${name} holds no trace of the location`)
  }
  const log = lines.join('')
  t.match(log, '/api/v1/places/nearby', 'the requests were logged')
  t.notOk(log.includes(lat) || log.includes(lng), 'the log holds no trace of the location')
  t.notOk(log.includes('0871234') || log.includes('2978765'))
})

t.test('the fixed UTC+8 moment agrees with the Asia/Shanghai zone database', async (t) => {
  const { default: dayjs } = await import('dayjs')
  let seed = 42
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  const from = Date.UTC(1992, 0, 1)
  const to = Date.UTC(2040, 0, 1)
  for (let i = 0; i < 2000; i++) {
    const instant = new Date(from + Math.floor(random() * (to - from)))
    const zoned = dayjs(instant).tz(CHINA_TIME_ZONE)
    const expected = { weekday: (zoned.day() + 6) % 7, minute: zoned.hour() * 60 + zoned.minute() }
    const got = localMoment(instant)
    if (got.weekday !== expected.weekday || got.minute !== expected.minute)
      t.fail(`${instant.toISOString()}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`)
  }
  t.pass('2,000 random instants from 1992 to 2040 agree')
})
