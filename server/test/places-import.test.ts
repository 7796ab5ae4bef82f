import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { toGcj02 } from '../src/places/coordinates.ts'
import { haversineMeters } from '../src/places/geo.ts'
import { parseHoursText } from '../src/places/hours-text.ts'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { placeInput } from './fixtures/matrix-places.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import { buildTestApp } from './helper.ts'

const HEADER = '名称,类型,地址,行政区划代码,纬度,经度,开放时间,设施,电话,运营方'

/** The published WGS-84 → GCJ-02 algorithm (Krasovsky ellipsoid), written out independently. */
function referenceGcj02(lat: number, lng: number) {
  const a = 6378245
  const ee = 0.006693421622965943
  const x = lng - 105
  const y = lat - 35
  let dLat =
    -100 +
    2 * x +
    3 * y +
    0.2 * y * y +
    0.1 * x * y +
    0.2 * Math.sqrt(Math.abs(x)) +
    ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3 +
    ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3 +
    ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  let dLng =
    300 +
    x +
    2 * y +
    0.1 * x * x +
    0.1 * x * y +
    0.1 * Math.sqrt(Math.abs(x)) +
    ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3 +
    ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3 +
    ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  const radLat = (lat / 180) * Math.PI
  const magic = 1 - ee * Math.sin(radLat) ** 2
  dLat = (dLat * 180) / (((a * (1 - ee)) / (magic * Math.sqrt(magic))) * Math.PI)
  dLng = (dLng * 180) / ((a / Math.sqrt(magic)) * Math.cos(radLat) * Math.PI)
  return { lat: lat + dLat, lng: lng + dLng }
}

/** Baidu's published BD-09 → GCJ-02 inverse. */
function referenceBd09ToGcj02(lat: number, lng: number) {
  const xPi = (Math.PI * 3000) / 180
  const x = lng - 0.0065
  const y = lat - 0.006
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * xPi)
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * xPi)
  return { lat: z * Math.sin(theta), lng: z * Math.cos(theta) }
}

t.test('coordinates converted to GCJ-02', async (t) => {
  // 天安门: a pair published with the GCJ-02 algorithm.
  const beijing = toGcj02('wgs84', 39.90923, 116.397428)
  t.ok(haversineMeters(beijing, { lat: 39.910636, lng: 116.403673 }) < 1, 'Beijing within 1 m')
  for (const [lat, lng] of [
    [26.0865, 119.2965],
    [24.456, 118.082],
  ] as const) {
    t.ok(
      haversineMeters(toGcj02('wgs84', lat, lng), referenceGcj02(lat, lng)) < 0.5,
      `${lat},${lng}`,
    )
    t.ok(haversineMeters(toGcj02('wgs84', lat, lng), { lat, lng }) > 200, 'the shift is real')
    t.ok(
      haversineMeters(toGcj02('bd09', lat, lng), referenceBd09ToGcj02(lat, lng)) < 1,
      `BD-09 ${lat},${lng}`,
    )
  }
  t.same(toGcj02('gcj02', 26.1, 119.3), { lat: 26.1, lng: 119.3 }, 'GCJ-02 stays as it is')
})

t.test('opening hours as clerks write them', async (t) => {
  const week = (ranges: { open: string; close: string }[], days = [0, 1, 2, 3, 4, 5, 6]) =>
    Array.from({ length: 7 }, (_, d) => (days.includes(d) ? ranges : []))
  t.same(parseHoursText('24小时'), { always: true, days: week([], []) })
  t.same(parseHoursText(' 全天 '), { always: true, days: week([], []) })
  t.same(parseHoursText('每天 08:00-22:00'), {
    always: false,
    days: week([{ open: '08:00', close: '22:00' }]),
  })
  const split = parseHoursText('周一至周五 08:00-20:00; 周六至周日 9:00-18:00')
  t.same(split, {
    always: false,
    days: [
      ...week([{ open: '08:00', close: '20:00' }], [0, 1, 2, 3, 4]).slice(0, 5),
      [{ open: '09:00', close: '18:00' }],
      [{ open: '09:00', close: '18:00' }],
    ],
  })
  t.same(parseHoursText('周一、周三 09:00-12:00,14:00-17:00'), {
    always: false,
    days: week(
      [
        { open: '09:00', close: '12:00' },
        { open: '14:00', close: '17:00' },
      ],
      [0, 2],
    ),
  })
  t.same(parseHoursText('每天 22:00－02:00'), {
    always: false,
    days: week([{ open: '22:00', close: '02:00' }]),
  })
  t.same(
    parseHoursText('每天 ０８：００-２０：００'),
    {
      always: false,
      days: week([{ open: '08:00', close: '20:00' }]),
    },
    'full-width digits and colon',
  )
  for (const bad of [
    '',
    '看心情',
    '周八 08:00-09:00',
    '每天 8点到9点',
    '每天 25:00-26:00',
    '周五至周一 08:00-09:00',
  ])
    t.type(parseHoursText(bad), 'string', `refused: ${JSON.stringify(bad)}`)
})

async function importFile(
  app: FastifyInstance,
  staff: Account,
  content: string | Buffer,
  fileName: string,
  crs = 'wgs84',
) {
  const body = multipartFile(content, fileName)
  return app.inject({
    method: 'POST',
    url: `/api/v1/places/imports?crs=${crs}`,
    payload: body.payload,
    headers: { ...body.headers, ...staff.auth },
  })
}

const placeNames = async (app: FastifyInstance) =>
  (await app.db.selectFrom('places').select('name').orderBy('name').execute()).map((r) => r.name)

t.test('CSV: converted, checked, duplicates and other counties set aside', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const county = await signInStaff(app, 'import.gulou', 'county', '350102')
  // Stored already, at the GCJ-02 point of the WGS-84 row 4 below.
  const storedAt = toGcj02('wgs84', 26.09, 119.3)
  const stored = await app.inject({
    method: 'POST',
    url: '/api/v1/places',
    headers: county.auth,
    payload: placeInput({ name: '已有驿站', location: storedAt }),
  })
  t.equal(stored.statusCode, 201)
  const csv = [
    HEADER,
    '东街爱心驿站,爱心驿站,鼓楼区东街1号,350102,26.0865,119.2965,24小时,饮用水、微波炉,0591-1234567,工会',
    '三坊食堂,爱心食堂,鼓楼区南后街2号,350102,26.0835,119.2920,"周一至周五 08:00-20:00; 周六至周日 09:00-18:00",休息座椅,,社区',
    '已有 驿站,骑手之家,鼓楼区某路3号,350102,26.09001,119.30001,每天 08:00-22:00,,,',
    '东街爱心驿站,爱心驿站,鼓楼区东街1号旁,350102,26.08655,119.29655,24小时,,,',
    '厦门驿站,爱心驿站,思明区中山路,350203,24.456,118.082,24小时,,,',
    '坏类型,银行,鼓楼区,350102,26.08,119.29,24小时,,,',
    '坏时间,爱心驿站,鼓楼区,350102,26.08,119.29,看心情,飞机,,',
    '缺纬度,爱心驿站,鼓楼区,350102,,119.29,24小时,,,',
    '',
  ].join('\r\n')
  const res = await importFile(app, county, csv, 'places.csv')
  t.equal(res.statusCode, 201, res.body)
  const report = res.json()
  t.match(report, {
    fileName: 'places.csv',
    crs: 'wgs84',
    rowsRead: 8,
    rowsAccepted: 2,
    rowsRejected: 4,
  })
  t.same(
    report.duplicates.map((d: { line: number }) => d.line),
    [4, 5],
    'a stored twin and a twin earlier in the file',
  )
  t.match(report.duplicates[0].existing, '已有驿站')
  t.match(report.duplicates[1].existing, '第2行')
  t.same(
    report.rejected.map(
      (r: { line: number; field: string; reason: string }) => `${r.line}:${r.field}:${r.reason}`,
    ),
    [
      '6:行政区划代码:不在本辖区',
      '7:类型:场所类型不正确',
      '8:设施:无法识别的设施：飞机',
      '8:开放时间:无法识别的开放时间：看心情',
      '9:纬度:纬度应为数字',
    ],
  )
  t.same(await placeNames(app), ['三坊食堂', '已有驿站', '东街爱心驿站'].sort())
  const station = await app.db
    .selectFrom('places')
    .selectAll()
    .where('name', '=', '东街爱心驿站')
    .executeTakeFirstOrThrow()
  const expected = referenceGcj02(26.0865, 119.2965)
  t.ok(haversineMeters(station, expected) < 0.5, 'stored in GCJ-02')
  t.same(station.facilities, ['water', 'microwave'])
  t.equal(station.operator, 'union')
  t.equal(station.always_open, true)
  const canteenHours = await app.db
    .selectFrom('place_hours as h')
    .innerJoin('places as p', 'p.id', 'h.place_id')
    .select(['h.weekday', 'h.open_min', 'h.close_min'])
    .where('p.name', '=', '三坊食堂')
    .orderBy('h.weekday')
    .execute()
  t.equal(canteenHours.length, 7)
  t.same(canteenHours[0], { weekday: 0, open_min: 480, close_min: 1200 })
  t.same(canteenHours[6], { weekday: 6, open_min: 540, close_min: 1080 })
  const saved = await app.db.selectFrom('place_imports').selectAll().executeTakeFirstOrThrow()
  t.match(saved, { rows_read: 8, rows_accepted: 2, rows_rejected: 4, crs: 'wgs84' })
  const audit = await app.db
    .selectFrom('audit_log')
    .select(['action', 'target_id'])
    .where('action', '=', 'place.import')
    .execute()
  t.same(audit, [{ action: 'place.import', target_id: report.id }])
})

t.test('XLSX and GeoJSON, BD-09 too; station staff may not import', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const county = await signInStaff(app, 'import.xlsx', 'county', '350102')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('场所')
  sheet.addRow(HEADER.split(','))
  sheet.addRow([
    '表格驿站',
    '工会驿站',
    '鼓楼区表格路',
    '350102',
    26.0865,
    119.2965,
    '每天 07:00-23:00',
    '卫生间',
    '',
    '平台企业',
  ])
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
  const fromXlsx = await importFile(app, county, xlsx, 'places.xlsx', 'bd09')
  t.equal(fromXlsx.statusCode, 201, fromXlsx.body)
  t.match(fromXlsx.json(), { rowsRead: 1, rowsAccepted: 1, crs: 'bd09' })
  const row = await app.db
    .selectFrom('places')
    .selectAll()
    .where('name', '=', '表格驿站')
    .executeTakeFirstOrThrow()
  t.equal(row.brand, 'union_station')
  t.equal(row.operator, 'platform')
  t.ok(haversineMeters(row, referenceBd09ToGcj02(26.0865, 119.2965)) < 1, 'BD-09 converted')

  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [119.3, 26.1] },
        properties: {
          name: '地图驿站',
          kind: 'care_station',
          address: '鼓楼区地图路',
          regionCode: '350102',
          hours: '24小时',
          facilities: ['water', 'wifi'],
        },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [119.31, 26.11] },
        properties: {
          名称: '地图食堂',
          类型: '爱心食堂',
          地址: '鼓楼区地图路2号',
          行政区划代码: '350102',
          开放时间: '每天 11:00-13:00',
        },
      },
      {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [] },
        properties: { name: '线' },
      },
    ],
  })
  const fromGeojson = await importFile(app, county, geojson, 'places.geojson', 'gcj02')
  t.equal(fromGeojson.statusCode, 201, fromGeojson.body)
  t.match(fromGeojson.json(), { rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 })
  const mapped = await app.db
    .selectFrom('places')
    .selectAll()
    .where('name', '=', '地图驿站')
    .executeTakeFirstOrThrow()
  t.match(mapped, { lat: 26.1, lng: 119.3, facilities: ['water', 'wifi'] })
  // Detected by the content, whatever the name.
  const unnamed = await importFile(
    app,
    county,
    geojson.replace(/地图/g, '另一'),
    'upload.txt',
    'gcj02',
  )
  t.match(unnamed.json(), { rowsAccepted: 2 })

  const missing = await importFile(app, county, '名称,地址\r\n甲,乙\r\n', 'x.csv')
  t.equal(missing.statusCode, 400)
  t.match(missing.json().error.message, '类型')
  const station = await signInStaff(app, 'import.station', 'station', '350102')
  t.equal((await importFile(app, station, HEADER, 'x.csv')).statusCode, 403)
  const noCrs = await importFile(app, county, HEADER, 'x.csv', 'utm')
  t.equal(noCrs.statusCode, 400)
})

t.test('all or nothing: a row failing mid-file leaves nothing behind', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const county = await signInStaff(app, 'import.boom', 'county', '350102')
  await sql`create function refuse_boom() returns trigger language plpgsql as $$
    begin if new.name = '爆炸' then raise exception 'boom'; end if; return new; end $$`.execute(
    app.db,
  )
  await sql`create trigger places_boom before insert on places
    for each row execute function refuse_boom()`.execute(app.db)
  const csv = [
    HEADER,
    '第一,爱心驿站,鼓楼区,350102,26.08,119.29,24小时,,,',
    '爆炸,爱心驿站,鼓楼区,350102,26.07,119.28,24小时,,,',
    '第三,爱心驿站,鼓楼区,350102,26.06,119.27,24小时,,,',
  ].join('\n')
  const res = await importFile(app, county, csv, 'boom.csv')
  t.equal(res.statusCode, 500)
  t.same(await placeNames(app), [], 'no place kept')
  t.same(await app.db.selectFrom('place_imports').select('id').execute(), [])
  t.same(await app.db.selectFrom('place_hours').select('place_id').execute(), [])
  t.same(
    await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'place.import')
      .execute(),
    [],
  )
})
