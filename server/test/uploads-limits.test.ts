import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import { sharedStringsBomb, workbookParts, zipArchive } from './fixtures/zip-bomb.ts'
import { buildTestApp } from './helper.ts'

/** What refusing a bomb may add to the process, at most (it inflates nothing). */
const BOMB_RSS_BOUND = 64 * 1024 * 1024
const ROSTER_HEADER = '平台,骑手编号,姓名,手机号,是否党员,行政区划代码'
const PLACE_HEADER = '名称,类型,地址,行政区划代码,纬度,经度,开放时间'

function send(
  app: FastifyInstance,
  staff: Account,
  url: string,
  content: string | Buffer,
  name: string,
) {
  const body = multipartFile(content, name)
  return app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, ...staff.auth },
  })
}
const registerImport = (
  app: FastifyInstance,
  staff: Account,
  content: string | Buffer,
  name = 'roster.csv',
) => send(app, staff, '/api/v1/registers/platform_roster/imports', content, name)
const placeImport = (
  app: FastifyInstance,
  staff: Account,
  content: string | Buffer,
  name = 'places.csv',
) => send(app, staff, '/api/v1/places/imports?crs=gcj02', content, name)

async function setup(t: Parameters<typeof buildTestApp>[0], env: NodeJS.ProcessEnv = {}) {
  const app = await buildTestApp(t, env)
  await app.ready()
  const county = await signInStaff(app, 'limits.county', 'county', '350102')
  return { app, county }
}

const count = async (app: FastifyInstance, table: string) =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(app.db))
      .rows[0]?.n,
  )

/** The request's answer, how long it took and how far the process's RSS rose meanwhile. */
async function measured<T>(work: () => Promise<T>) {
  const before = process.memoryUsage().rss
  let peak = before
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 5)
  const started = performance.now()
  try {
    const answer = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { answer, ms: performance.now() - started, grew: peak - before }
  } finally {
    clearInterval(sample)
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

t.test(
  'an XLSX of 20 million shared strings is refused in seconds, inflating nothing',
  async (t) => {
    const { app, county } = await setup(t)
    const bomb = sharedStringsBomb()
    t.ok(bomb.length < 3 * 1024 * 1024, `the bomb is ${mb(bomb.length)} zipped`)
    for (const route of [registerImport, placeImport]) {
      const { answer, ms, grew } = await measured(() => route(app, county, bomb, 'bomb.xlsx'))
      t.equal(answer.statusCode, 413, answer.body)
      t.equal(answer.json().error.code, 'payload_too_large')
      t.match(answer.json().error.message, /共享字符串表解压后超过64 MB/)
      t.ok(ms < 5000, `answered in ${Math.round(ms)} ms`)
      t.ok(grew < BOMB_RSS_BOUND, `RSS grew by ${mb(grew)}`)
    }
    t.equal(await count(app, 'register_imports'), 0)
    t.equal(await count(app, 'place_imports'), 0)
  },
)

t.test(
  'a bomb whose directory lies about its size is stopped where it passes the lie',
  async (t) => {
    const { app, county } = await setup(t)
    const liar = sharedStringsBomb(20_000_000, 10_000)
    const { answer, ms, grew } = await measured(() =>
      registerImport(app, county, liar, 'liar.xlsx'),
    )
    t.equal(answer.statusCode, 413, answer.body)
    t.match(answer.json().error.message, /xl\/sharedStrings\.xml 解压后超过其声明的 10000 字节/)
    t.ok(ms < 5000, `answered in ${Math.round(ms)} ms`)
    t.ok(grew < BOMB_RSS_BOUND, `RSS grew by ${mb(grew)}`)
  },
)

t.test('XLSX limits: shared strings counted, the whole inflated size', async (t) => {
  const { app, county } = await setup(t, {
    XLSX_MAX_SHARED_STRINGS: '1000',
    XLSX_MAX_UNZIPPED_BYTES: String(1024 * 1024),
  })
  // 1,500 strings in 55 KB: under every size, over the count.
  const many = await registerImport(app, county, sharedStringsBomb(1500), 'many.xlsx')
  t.equal(many.statusCode, 413, many.body)
  t.match(many.json().error.message, '共享字符串超过1000条')
  const rich = sharedStringsBomb(300, undefined, '<si><r><t>甲</t></r><r><t>乙</t></r></si>')
  const runs = await registerImport(app, county, rich, 'rich.xlsx')
  t.equal(runs.statusCode, 413)
  t.match(runs.json().error.message, '共享字符串含超过250段格式文字')
  const big = await registerImport(app, county, sharedStringsBomb(50_000), 'big.xlsx')
  t.equal(big.statusCode, 413)
  t.match(big.json().error.message, 'XLSX 文件解压后超过1 MB')
  const broken = await registerImport(
    app,
    county,
    Buffer.concat([sharedStringsBomb(10).subarray(0, 200), Buffer.alloc(300)]),
    'b.xlsx',
  )
  t.equal(broken.statusCode, 400)
  t.match(broken.json().error.message, 'XLSX 文件已损坏')
  t.equal(await count(app, 'register_imports'), 0)
})

t.test('an XLSX within its limits imports; one cell of over 1 MB does not', async (t) => {
  const { app, county } = await setup(t)
  const header = ROSTER_HEADER.split(',')
  const xlsx = zipArchive(
    workbookParts([header, ['美团', 'MT-9', '王五', '13812345678', '是', '350102']]),
  )
  const res = await registerImport(app, county, xlsx, 'roster.xlsx')
  t.equal(res.statusCode, 201, res.body)
  t.match(res.json(), { rowsRead: 1, rowsAccepted: 1, rowsRejected: 0 })
  const cell = zipArchive(workbookParts([['x'.repeat(900_000) + '一'.repeat(100_000)]]))
  const wide = await registerImport(app, county, cell, 'cell.xlsx')
  t.equal(wide.statusCode, 413)
  t.match(wide.json().error.message, '超过1 MB的单个单元格')
})

t.test('CSV limits: rows and columns, named; nothing stored', async (t) => {
  const { app, county } = await setup(t, {
    REGISTER_IMPORT_MAX_ROWS: '5',
    PLACE_IMPORT_MAX_ROWS: '3',
    IMPORT_MAX_COLUMNS: '10',
  })
  const row = (i: number) => `美团,MT-${i},骑手${i},138${String(i).padStart(8, '0')},是,350102`
  const rows = (n: number) => [ROSTER_HEADER, ...Array.from({ length: n }, (_, i) => row(i))]
  const five = await registerImport(app, county, rows(5).join('\n'))
  t.equal(five.statusCode, 201, 'five rows are within the limit')
  const six = await registerImport(app, county, rows(6).join('\n'))
  t.equal(six.statusCode, 413)
  t.match(six.json().error.message, '文件超过5行数据的上限')
  const wide = [ROSTER_HEADER, `${row(1)},a,b,c,d,e`, `${row(2)},,,,,,,,,,,,,,,,,,,,`]
  const tooWide = await registerImport(app, county, wide.join('\n'))
  t.equal(tooWide.statusCode, 413)
  t.match(tooWide.json().error.message, '第2行有11列，超过10列的上限')
  const trailing = await registerImport(
    app,
    county,
    [ROSTER_HEADER, `${row(2)},,,,,,,,,,,,,,`].join('\n'),
  )
  t.equal(trailing.statusCode, 201, 'trailing blank cells are not columns')
  const commas = `${ROSTER_HEADER}\n${','.repeat(20_000)}\n`
  const endless = await registerImport(app, county, commas)
  t.equal(endless.statusCode, 413)
  t.match(endless.json().error.message, '超过16384列')
  const longLine = `${ROSTER_HEADER}\n${'x'.repeat(1100 * 1024)}\n`
  const long = await registerImport(app, county, longLine)
  t.equal(long.statusCode, 413)
  t.match(long.json().error.message, '超过1 MB的一行')
  t.equal(await count(app, 'register_imports'), 2, 'only the two good files')

  const places = (n: number) =>
    [
      PLACE_HEADER,
      ...Array.from(
        { length: n },
        (_, i) => `驿站${i},爱心驿站,鼓楼区,350102,26.0${i},119.29,24小时`,
      ),
    ].join('\n')
  t.equal((await placeImport(app, county, places(3))).statusCode, 201)
  const fourPlaces = await placeImport(app, county, places(4))
  t.equal(fourPlaces.statusCode, 413)
  t.match(fourPlaces.json().error.message, '文件超过3行数据的上限')
  t.equal(await count(app, 'place_imports'), 1)
})

t.test('rejects are listed up to the limit, then counted', async (t) => {
  const { app, county } = await setup(t, {
    REGISTER_IMPORT_MAX_REJECTS: '10',
    PLACE_IMPORT_MAX_REJECTS: '10',
  })
  const bad = Array.from({ length: 25 }, (_, i) => `美团,MT-${i},骑手,123,是,350102`)
  const roster = await registerImport(app, county, [ROSTER_HEADER, ...bad].join('\n'))
  t.equal(roster.statusCode, 201, roster.body)
  const report = roster.json()
  t.match(report, { rowsRead: 25, rowsRejected: 25 })
  t.equal(report.rejected.length, 11, 'ten reasons and the note')
  t.same(report.rejected.at(-1), {
    line: 12,
    field: null,
    reason: '已超过10条，之后的错误未逐条记录（共拒收25行）',
  })
  const csv = await app.inject({
    url: `/api/v1/registers/imports/${report.id}/rejects.csv`,
    headers: county.auth,
  })
  t.match(csv.body, '12,,已超过10条，之后的错误未逐条记录（共拒收25行）')
  t.equal(csv.body.trim().split('\r\n').length, 12)

  const rows = [
    ...Array.from({ length: 25 }, (_, i) => `坏${i},银行,鼓楼区,350102,26.0${i},119.29,24小时`),
    ...Array.from({ length: 13 }, () => '同名驿站,爱心驿站,鼓楼区,350102,26.08,119.29,24小时'),
  ]
  const places = await placeImport(app, county, [PLACE_HEADER, ...rows].join('\n'))
  t.equal(places.statusCode, 201, places.body)
  const placeReport = places.json()
  t.match(placeReport, { rowsRead: 38, rowsAccepted: 1, rowsRejected: 25 })
  t.equal(placeReport.duplicates.length, 10)
  t.same(placeReport.rejected.slice(9), [
    { line: 11, field: '类型', reason: '场所类型不正确' },
    { line: 12, field: null, reason: '已超过10条，之后的错误未逐条记录（共拒收25行）' },
    {
      line: 38,
      field: null,
      reason: '已超过10条，之后的疑似重复未逐条记录（共12行疑似重复，均未导入）',
    },
  ])
})

t.test('GeoJSON: streamed, too many features and malformed files refused by name', async (t) => {
  const { app, county } = await setup(t, { PLACE_IMPORT_MAX_ROWS: '3' })
  const feature = (i: number) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [119.29 + i / 100, 26.08] },
    properties: {
      名称: `地图驿站${i}`,
      类型: '爱心驿站',
      地址: '鼓楼区',
      行政区划代码: '350102',
      开放时间: '24小时',
    },
  })
  const collection = (features: unknown[]) =>
    JSON.stringify({ type: 'FeatureCollection', features })
  const geo = (text: string) => placeImport(app, county, text, 'places.geojson')
  const three = await geo(collection([feature(1), feature(2), feature(3)]))
  t.equal(three.statusCode, 201, three.body)
  t.match(three.json(), { rowsRead: 3, rowsAccepted: 3 })
  // The type may come last; members of any kind may stand around the features.
  const typeLast = `{"name":"站点","bbox":[1,2,3,4],"features":[${JSON.stringify(feature(7))}],"crs":null,"type":"FeatureCollection"}`
  t.equal((await geo(typeLast)).statusCode, 201)
  const four = await geo(collection([1, 2, 3, 4].map(feature)))
  t.equal(four.statusCode, 413)
  t.match(four.json().error.message, 'GeoJSON 超过3个要素的上限')
  const refusals: [string, RegExp][] = [
    ['{"type":"FeatureCollection","features":[null]}', /第1个要素应为 Feature 对象/],
    [
      '{"type":"FeatureCollection","features":[{"type":"Feature"},7]}',
      /第2个要素应为 Feature 对象/,
    ],
    ['{"type":"FeatureCollection","features":[{"type":"Feature",}]}', /第1个要素不是有效的 JSON/],
    ['{"type":"FeatureCollection","features":[{"type":"Feature"}', /文件不完整/],
    ['{"type":"FeatureCollection","features":[{}] "x":1}', /字段之间应为逗号/],
    ['{"type":"FeatureCollection","features":{}}', /features 应为数组/],
    ['{"type":"Feature","geometry":null}', /应为 FeatureCollection/],
    ['{"type":"FeatureCollection"}', /应为 FeatureCollection（含 features 数组）/],
    ['{"type":"FeatureCollection","features":[]} []', /文件结尾之后还有内容/],
    [
      `{"type":"FeatureCollection","features":[{"p":"${'x'.repeat(1100 * 1024)}"}]}`,
      /第1个要素超过1 MB/,
    ],
    ['[{"type":"FeatureCollection"}]', /GeoJSON 应为一个对象/],
  ]
  for (const [text, message] of refusals) {
    const res = await geo(text)
    t.ok(
      res.statusCode === 400 || res.statusCode === 413,
      `${text.slice(0, 60)}: ${res.statusCode}`,
    )
    t.match(res.json().error.message, message)
  }
  t.equal(await count(app, 'place_imports'), 2)
})

t.test(
  'imports at once: one per staff member, two in all, each refusal naming its limit',
  async (t) => {
    const { app, county } = await setup(t)
    const csv = `${ROSTER_HEADER}\n美团,MT-1,王,13812345678,是,350102\n`
    const mine = await app.uploads.slots.take(county.id)
    const refused = await registerImport(app, county, csv)
    t.equal(refused.statusCode, 429)
    t.equal(refused.json().error.code, 'rate_limited')
    t.match(refused.json().error.message, '每人同时最多1个')
    mine()
    const others = [
      await app.uploads.slots.take('another-a'),
      await app.uploads.slots.take('another-b'),
    ]
    const busy = await placeImport(app, county, `${PLACE_HEADER}\n`)
    t.equal(busy.statusCode, 429)
    t.match(busy.json().error.message, '同时最多2个')
    for (const release of others) release()
    t.equal((await registerImport(app, county, csv)).statusCode, 201, 'free again')
    t.equal(
      (await registerImport(app, county, sharedStringsBomb(10))).statusCode,
      400,
      'a refused file…',
    )
    t.equal((await registerImport(app, county, csv)).statusCode, 201, '…gives its slot back')
  },
)
