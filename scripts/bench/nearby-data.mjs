// Data of the nearby benchmark: where the million places are, what they offer, when they
// open, and the query points riders ask from. Generated in SQL for speed; fixed seeds.
import { randomBytes } from 'node:crypto'
import { Facility } from '@djt/shared'
import { sql } from 'kysely'
import { createFieldCipher } from '../../server/src/crypto/field-cipher.ts'

export const RADIUS = 3000
export const LIMIT = 20

/** Fujian's nine city centres (GCJ-02) with their prefecture code, then 51 more cities. */
export const FUJIAN = [
  ['福州', 26.074, 119.296, 6, '3501'],
  ['厦门', 24.48, 118.089, 6, '3502'],
  ['泉州', 24.874, 118.676, 6, '3505'],
  ['漳州', 24.513, 117.647, 4, '3506'],
  ['莆田', 25.454, 119.007, 4, '3503'],
  ['三明', 26.264, 117.639, 4, '3504'],
  ['南平', 26.641, 118.178, 4, '3507'],
  ['龙岩', 25.075, 117.017, 4, '3508'],
  ['宁德', 26.666, 119.548, 4, '3509'],
]

const OTHER_CITIES = [
  ['北京', 39.904, 116.407, 10, '1101'],
  ['上海', 31.23, 121.474, 10, '3101'],
  ['广州', 23.129, 113.264, 9, '4401'],
  ['深圳', 22.543, 114.058, 9, '4403'],
  ['天津', 39.084, 117.201, 8, '1201'],
  ['重庆', 29.563, 106.551, 8, '5001'],
  ['成都', 30.573, 104.066, 8, '5101'],
  ['武汉', 30.593, 114.305, 8, '4201'],
  ['杭州', 30.274, 120.155, 8, '3301'],
  ['南京', 32.06, 118.797, 7, '3201'],
  ['西安', 34.342, 108.94, 7, '6101'],
  ['郑州', 34.747, 113.625, 7, '4101'],
  ['长沙', 28.228, 112.939, 7, '4301'],
  ['沈阳', 41.806, 123.432, 6, '2101'],
  ['青岛', 36.067, 120.383, 6, '3702'],
  ['济南', 36.651, 117.12, 6, '3701'],
  ['哈尔滨', 45.803, 126.535, 6, '2301'],
  ['长春', 43.817, 125.324, 6, '2201'],
  ['大连', 38.914, 121.615, 6, '2102'],
  ['昆明', 25.039, 102.718, 6, '5301'],
  ['南宁', 22.817, 108.367, 6, '4501'],
  ['合肥', 31.821, 117.227, 6, '3401'],
  ['南昌', 28.683, 115.858, 6, '3601'],
  ['贵阳', 26.647, 106.63, 5, '5201'],
  ['太原', 37.871, 112.549, 5, '1401'],
  ['石家庄', 38.042, 114.515, 5, '1301'],
  ['兰州', 36.061, 103.834, 5, '6201'],
  ['乌鲁木齐', 43.825, 87.617, 5, '6501'],
  ['呼和浩特', 40.842, 111.749, 4, '1501'],
  ['银川', 38.487, 106.231, 4, '6401'],
  ['西宁', 36.617, 101.778, 4, '6301'],
  ['拉萨', 29.652, 91.172, 3, '5401'],
  ['海口', 20.044, 110.199, 4, '4601'],
  ['苏州', 31.299, 120.585, 7, '3205'],
  ['无锡', 31.491, 120.312, 5, '3202'],
  ['宁波', 29.868, 121.544, 6, '3302'],
  ['温州', 27.994, 120.699, 5, '3303'],
  ['东莞', 23.021, 113.752, 7, '4419'],
  ['佛山', 23.022, 113.122, 6, '4406'],
  ['珠海', 22.271, 113.577, 4, '4404'],
  ['汕头', 23.354, 116.682, 4, '4405'],
  ['常州', 31.811, 119.974, 5, '3204'],
  ['徐州', 34.205, 117.284, 5, '3203'],
  ['烟台', 37.464, 121.448, 4, '3706'],
  ['潍坊', 36.707, 119.162, 4, '3707'],
  ['唐山', 39.631, 118.18, 4, '1302'],
  ['洛阳', 34.62, 112.454, 4, '4103'],
  ['襄阳', 32.009, 112.122, 4, '4206'],
  ['宜昌', 30.692, 111.286, 4, '4205'],
  ['绵阳', 31.468, 104.679, 4, '5107'],
  ['桂林', 25.274, 110.29, 4, '4503'],
]

const CITIES = [...FUJIAN, ...OTHER_CITIES]

/** Hours patterns: 0 round the clock (50 %), then daily, weekdays split, overnight. */
const range = (open, close) => ({ open, close })

const PATTERNS = [
  { share: 0.5, days: null },
  { share: 0.3, days: Array(7).fill([range('08:00', '20:00')]) },
  {
    share: 0.125,
    days: [...Array(5).fill([range('09:00', '12:00'), range('14:00', '18:00')]), [], []],
  },
  { share: 0.075, days: Array(7).fill([range('18:00', '02:00')]) },
]

const KINDS = [
  ['care_station', '爱心驿站', 0.6],
  ['canteen', '爱心食堂', 0.15],
  ['service_center', '党群服务中心', 0.1],
  ['guidance_station', '党建工作指导站', 0.08],
  ['flow_branch', '流动党员党支部', 0.07],
]

/** Every facility the contract knows. */
const FACILITIES = Facility.options

export function benchCipher() {
  return createFieldCipher({
    algorithm: 'aes-256-gcm',
    activeKeyId: 'bench',
    keys: new Map([['bench', randomBytes(32)]]),
    blindIndexKey: randomBytes(32),
  })
}

const literal = (text) => `'${String(text).replace(/'/g, "''")}'`

const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))

/**
 * Generates the places in SQL (generate_series + random()), in one transaction. The
 * secondary indexes are dropped first and rebuilt from their own definitions afterwards
 * (bulk-build, as a restore would); foreign-key triggers are skipped for the bulk rows
 * (session_replication_role), which are valid by construction: regions come from the table.
 */
export async function seedPlaces(handle, count) {
  const started = performance.now()
  const step = (label, t0) =>
    console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const cities = CITIES.map(
    ([, lat, lng, sigma, prefix], i) => `(${i + 1}, ${lat}, ${lng}, ${sigma}, ${literal(prefix)})`,
  ).join(',\n')
  let lo = 0
  const kinds = KINDS.map(([kind, label, share]) => {
    const row = `(${literal(kind)}, ${literal(label)}, ${lo}, ${lo + share})`
    lo += share
    return row
  }).join(', ')
  lo = 0
  const patterns = PATTERNS.map((pattern, i) => {
    const hours = { always: pattern.days === null, days: pattern.days ?? Array(7).fill([]) }
    const row = `(${i}, ${lo}, ${lo + pattern.share}, ${literal(JSON.stringify(hours))}::jsonb)`
    lo += pattern.share
    return row
  }).join(',\n')
  const ranges = PATTERNS.flatMap((pattern, i) =>
    (pattern.days ?? []).flatMap((day, weekday) =>
      day.map(({ open, close }) => {
        const o = minutes(open)
        const c = minutes(close) <= o ? minutes(close) + 1440 : minutes(close)
        return `(${i}, ${weekday}, ${o}, ${c})`
      }),
    ),
  ).join(', ')
  const facilities = `array[${FACILITIES.map(literal).join(', ')}]::text[]`

  await handle.inScriptTransaction(async (session) => {
    const indexes = await session.query(
      `select indexname, indexdef from pg_indexes
       where schemaname = current_schema() and tablename in ('places', 'place_hours')
         and indexname not in (select conname from pg_constraint)`,
    )
    let t0 = performance.now()
    await session.exec(`
      set local session_replication_role = replica;
      ${indexes.map((index) => `drop index ${index.indexname};`).join('\n')}
      create temp table bench_cities (idx int primary key, lat float8, lng float8,
        sigma_km float8, prefix text) on commit drop;
      insert into bench_cities values ${cities};
      create temp table bench_kinds (kind text, label text, lo float8, hi float8) on commit drop;
      insert into bench_kinds values ${kinds};
      create temp table bench_patterns (pattern int, lo float8, hi float8, hours jsonb) on commit drop;
      insert into bench_patterns values ${patterns};
      create temp table bench_ranges (pattern int, weekday int, open_min int, close_min int)
        on commit drop;
      insert into bench_ranges values ${ranges};
      -- Counties of each city's prefecture (else its province); idx 0: every county.
      create temp table bench_counties on commit drop as
        select c.idx, coalesce(
          (select array_agg(r.code order by r.code) from regions r
            where r.level = 'county' and r.code like c.prefix || '%'),
          (select array_agg(r.code order by r.code) from regions r
            where r.level = 'county' and r.code like left(c.prefix, 2) || '%')) as codes
        from bench_cities c
        union all
        select 0, array_agg(code order by code) from regions where level = 'county';
    `)
    await session.exec(`
      insert into places (code, name, kind, brand, address, region_code, region_path, lat, lng,
        geo, always_open, hours, facilities, operator, status, branch, accepts_flow_members)
      select 'P' || lpad(p.i::text, 7, '0'), k.label || p.i, k.kind,
        case when k.kind = 'care_station'
          then (array['love_station', 'rider_home', 'union_station'])[1 + p.i % 3] end,
        '基准路' || p.i || '号', r.code, r.path, p.lat, p.lng, ll_to_earth(p.lat, p.lng),
        h.pattern = 0, h.hours,
        array(select f from unnest(${facilities}) with ordinality t(f, n)
          where (p.facmask >> (n::int - 1)) & 1 = 1),
        (array['union', 'platform', 'bureau', 'community', 'other'])[1 + p.i % 5],
        case when p.r_status < 0.95 then 'open' when p.r_status < 0.98 then 'suspended'
          else 'closed' end,
        case when k.kind = 'flow_branch' then jsonb_build_object('orgForm', 'flow_branch',
          'contactName', '联系人' || p.i, 'contactPhone', '0591-8' || lpad(p.i::text, 7, '0'),
          'acceptsFlowMembers', true) end,
        k.kind = 'flow_branch'
      from (
        select s.*,
          case when s.clustered
            then c.lat + c.sigma_km / 111.2 * s.g * cos(2 * pi() * s.u2)
            else 18.2 + s.u3 * (53.5 - 18.2) end as lat,
          case when s.clustered
            then c.lng + c.sigma_km / (111.2 * cos(radians(c.lat))) * s.g * sin(2 * pi() * s.u2)
            else 73.5 + s.u4 * (134.7 - 73.5) end as lng
        from (
          select i, random() < 0.7 as clustered,
            1 + floor(random() * ${CITIES.length})::int as city,
            least(sqrt(-2 * ln(1 - random())), 5) as g, random() as u2, random() as u3,
            random() as u4, random() as u5, random() as r_kind, random() as r_hours,
            random() as r_status,
            floor(random() * 8192)::int & floor(random() * 8192)::int as facmask
          from generate_series(1, ${count}) i
          offset 0
        ) s
        join bench_cities c on c.idx = s.city
        offset 0
      ) p
      join bench_counties cc on cc.idx = case when p.clustered then p.city else 0 end
      join regions r on r.code = cc.codes[1 + floor(p.u5 * array_length(cc.codes, 1))::int]
      join bench_kinds k on p.r_kind >= k.lo and p.r_kind < k.hi
      join bench_patterns h on p.r_hours >= h.lo and p.r_hours < h.hi
    `)
    step('places', t0)
    t0 = performance.now()
    await session.exec(`
      insert into place_hours (place_id, weekday, open_min, close_min)
      select p.id, x.weekday, x.open_min, x.close_min
      from places p join bench_patterns h on h.hours = p.hours and h.pattern <> 0
      join bench_ranges x on x.pattern = h.pattern
    `)
    step('place_hours', t0)
    t0 = performance.now()
    for (const index of indexes) await session.exec(index.indexdef)
    step(`indexes (${indexes.map((index) => index.indexname).join(', ')})`, t0)
    t0 = performance.now()
    await session.exec('analyze places; analyze place_hours; analyze regions')
    step('analyze', t0)
  })
  // Outside the transaction: hint bits and the visibility map set once, as on a live
  // database, instead of by the first benchmark queries.
  const t0 = performance.now()
  await sql`vacuum (analyze) places`.execute(handle.db)
  await sql`vacuum (analyze) place_hours`.execute(handle.db)
  step('vacuum', t0)
  const [stats] = await handle.inScriptTransaction((session) =>
    session.query(`select count(*)::int as places,
        count(*) filter (where status = 'open')::int as open,
        count(*) filter (where always_open)::int as always,
        (select count(*)::int from place_hours) as hours_rows,
        count(*) filter (where lat between 24.2 and 26.9 and lng between 116.8 and 119.8)::int
          as fujian_box
      from places`),
  )
  console.log(
    `seeded ${stats.places} places (${stats.open} open, ${stats.always} round the clock, ${stats.hours_rows} place_hours rows, ${stats.fujian_box} in Fujian's city box) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}

/** Random query points around Fujian's city centres (same spread as the seed), fixed seed. */
export function makePoints(n) {
  let state = 0x5eed
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const points = []
  for (let i = 0; i < n; i++) {
    const [, lat, lng, sigma] = FUJIAN[Math.floor(random() * FUJIAN.length)]
    const g = Math.min(Math.sqrt(-2 * Math.log(1 - random())), 5)
    const angle = 2 * Math.PI * random()
    points.push({
      lat: +(lat + (sigma / 111.2) * g * Math.cos(angle)).toFixed(6),
      lng: +(
        lng +
        (sigma / (111.2 * Math.cos((lat * Math.PI) / 180))) * g * Math.sin(angle)
      ).toFixed(6),
    })
  }
  return points
}

export function nearbyFilter(point, extra = {}) {
  return {
    lat: point.lat,
    lng: point.lng,
    radius: RADIUS,
    kinds: [],
    facilities: [],
    openNow: false,
    limit: LIMIT,
    ...extra,
  }
}
