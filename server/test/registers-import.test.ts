import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import { residentId, uscc } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

const ROSTER_HEADER = '平台,骑手编号,姓名,手机号,是否党员,行政区划代码'

function upload(
  app: FastifyInstance,
  staff: Account,
  kind: string,
  content: string | Buffer,
  name = 'register.csv',
) {
  const body = multipartFile(content, name)
  return app.inject({
    method: 'POST',
    url: `/api/v1/registers/${kind}/imports`,
    headers: { ...body.headers, ...staff.auth },
    payload: body.payload,
  })
}

async function setup(t: Parameters<typeof buildTestApp>[0], env: NodeJS.ProcessEnv = {}) {
  const app = await buildTestApp(t, env)
  const county = await signInStaff(app, 'county.a', 'county', '350102')
  return { app, county }
}

const count = async (app: FastifyInstance, table: string) =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(app.db))
      .rows[0]?.n,
  )

t.test('a good CSV roster is imported and reported', async (t) => {
  const { app, county } = await setup(t)
  const csv = [
    `备注,${ROSTER_HEADER}`,
    '新骑手,美团,MT-001,王小明,13812345678,是,350102',
    ',饿了么,ele-002,李四,+86 139 0000 1111,否,350102',
    ',pupu,PP003,赵五,13700002222,Y,350102',
  ].join('\n')
  const res = await upload(app, county, 'platform_roster', csv, '骑手名册.csv')
  t.equal(res.statusCode, 201, res.body)
  const report = res.json()
  t.match(report, {
    kind: 'platform_roster',
    fileName: '骑手名册.csv',
    regionCode: '350102',
    rowsRead: 3,
    rowsAccepted: 3,
    rowsRejected: 0,
    rejected: [],
  })
  t.equal(await count(app, 'register_platform_roster'), 3)
  const rows = await app.db
    .selectFrom('register_platform_roster')
    .selectAll()
    .orderBy('rider_id_norm')
    .execute()
  t.same(
    rows.map((r) => [r.platform, r.rider_id_norm, r.is_member]),
    [
      ['eleme', 'ELE-002', false],
      ['meituan', 'MT-001', true],
      ['pupu', 'PP003', true],
    ],
  )
  t.equal(rows[0]?.mobile_bi, app.cipher.blindIndex('mobile', '13900001111'), 'mobile normalised')

  const list = await app.inject({ url: '/api/v1/registers/imports', headers: county.auth })
  t.same(
    list.json().items.map((i: { id: string }) => i.id),
    [report.id],
  )
  const one = await app.inject({
    url: `/api/v1/registers/imports/${report.id}`,
    headers: county.auth,
  })
  t.equal(one.json().rowsAccepted, 3)
})

t.test('an XLSX business register is read from its first sheet', async (t) => {
  const { app, county } = await setup(t)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('登记信息')
  sheet.addRow(['统一社会信用代码', '名称', '法定代表人', '登记状态', '行政区划代码'])
  sheet.addRow([uscc('350102', 'MA2Y3K4L5'), '鼓楼区李红水果店', '李红', '存续', 350102])
  sheet.addRow([
    uscc('350102', 'MA2Y3K4L6'),
    '鼓楼区旧店',
    { richText: [{ text: '王' }, { text: '五' }] },
    '注销',
    '350102',
  ])
  workbook.addWorksheet('说明').addRow(['这一页不导入'])
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
  // Named .csv on purpose: the content decides, not the extension.
  const res = await upload(app, county, 'business', xlsx, 'business.csv')
  t.equal(res.statusCode, 201, res.body)
  t.match(res.json(), { rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 })
  const rows = await app.db.selectFrom('register_business').selectAll().orderBy('uscc').execute()
  t.same(
    rows.map((r) => [r.legal_representative, r.active, r.region_path]),
    [
      ['李红', true, '350000.350100.350102'],
      ['王五', false, '350000.350100.350102'],
    ],
  )
})

t.test('a CSV with a byte-order mark, and one in GB18030, are read', async (t) => {
  const { app, county } = await setup(t)
  const csv = `姓名,身份证号,手机号,所在党组织,行政区划代码\r\n张三,${residentId()},,鼓楼区某支部,350102\r\n`
  const bom = await upload(app, county, 'party_list', `\uFEFF${csv}`)
  t.equal(bom.statusCode, 201, bom.body)
  t.match(bom.json(), { rowsAccepted: 1, rowsRejected: 0 })
  const gb = await upload(app, county, 'party_list', encodeGb18030(csv.replace('张三', '李四')))
  t.equal(gb.statusCode, 201, gb.body)
  t.match(gb.json(), { rowsAccepted: 1, rowsRejected: 0 })
  const names = await app.db.selectFrom('register_party_list').select('name').execute()
  t.same(
    names.map((r) => r.name),
    ['李四'],
    'the same ID number: the later file replaced the row',
  )
})

t.test('bad rows are refused with the field and reason, never the value', async (t) => {
  const { app, county } = await setup(t)
  const csv = [
    ROSTER_HEADER,
    '美团,MT-001,王小明,13812345678,是,350102',
    '火星外卖,MT-002,李四,1381234,也许,350102',
    '美团,,,13812345679,是,999999',
    '饿了么,ELE-9,赵五,23812345678,否,350102',
  ].join('\n')
  const res = await upload(app, county, 'platform_roster', csv)
  t.equal(res.statusCode, 201, res.body)
  const report = res.json()
  t.match(report, { rowsRead: 4, rowsAccepted: 1, rowsRejected: 3 })
  const byLine = (line: number) => report.rejected.filter((r: { line: number }) => r.line === line)
  t.same(
    byLine(3)
      .map((r: { field: string }) => r.field)
      .sort(),
    ['平台', '手机号', '是否党员'].sort(),
  )
  t.same(
    byLine(4)
      .map((r: { field: string }) => r.field)
      .sort(),
    ['姓名', '行政区划代码', '骑手编号'].sort(),
  )
  t.match(byLine(5), [{ field: '手机号', reason: /手机号/ }])
  const typed = /火星外卖|1381234|也许|999999|23812345678|MT-002/
  t.notMatch(JSON.stringify(report.rejected), typed, 'no reason repeats a value')
  const download = await app.inject({
    url: `/api/v1/registers/imports/${report.id}/rejects.csv`,
    headers: county.auth,
  })
  t.equal(download.statusCode, 200)
  t.match(download.headers['content-type'], /^text\/csv/)
  t.match(download.headers['content-disposition'], /^attachment/)
  t.ok(download.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 BOM')
  const lines = download.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  t.equal(lines[0], '行号,字段,原因')
  t.equal(lines.length, 1 + report.rejected.length)
  t.notMatch(download.body, typed)
})

t.test('line numbers are the rows a clerk sees in Excel', async (t) => {
  const { app, county } = await setup(t)
  const csv = [
    ROSTER_HEADER,
    '美团,MT-1,"王\n小明",13812345678,是,350102',
    '',
    '美团,MT-2,李四,123,是,350102',
  ].join('\n')
  const res = await upload(app, county, 'platform_roster', csv)
  t.match(res.json(), {
    rowsRead: 2,
    rowsAccepted: 1,
    rejected: [{ line: 4, field: '手机号' }],
  })
})

t.test('a missing column refuses the file and stores nothing', async (t) => {
  const { app, county } = await setup(t)
  const res = await upload(
    app,
    county,
    'platform_roster',
    '平台,骑手编号,姓名,是否党员\n美团,1,王,是\n',
  )
  t.equal(res.statusCode, 400)
  t.equal(res.json().error.code, 'validation_failed')
  t.match(res.json().error.message, /手机号/)
  t.match(res.json().error.message, /行政区划代码/)
  t.equal(await count(app, 'register_imports'), 0)
  t.equal(await count(app, 'register_platform_roster'), 0)
  const party = await upload(
    app,
    county,
    'party_list',
    '姓名,所在党组织,行政区划代码\n王,支部,350102\n',
  )
  t.equal(party.statusCode, 400)
  t.match(party.json().error.message, /身份证号或手机号/)
})

t.test("rows outside the importer's jurisdiction are refused", async (t) => {
  const { app, county } = await setup(t)
  const roster = await upload(
    app,
    county,
    'platform_roster',
    `${ROSTER_HEADER}\n美团,MT-1,王,13812345678,是,350203\n`,
  )
  t.match(roster.json(), {
    rowsAccepted: 0,
    rejected: [{ line: 2, field: '行政区划代码', reason: '不在本辖区' }],
  })
  const annual = await upload(
    app,
    county,
    'annual_report',
    `统一社会信用代码,党员人数,是否建立党组织\n${uscc('350203')},3,是\n${uscc('350102')},0,否\n`,
  )
  t.match(annual.json(), {
    rowsAccepted: 1,
    rejected: [{ line: 2, field: '统一社会信用代码', reason: '不在本辖区' }],
  })
  t.equal(await count(app, 'register_platform_roster'), 0)
  t.equal(await count(app, 'register_annual_report'), 1)
})

t.test('a re-import replaces rows by their natural key', async (t) => {
  const { app, county } = await setup(t)
  const first = await upload(
    app,
    county,
    'platform_roster',
    `${ROSTER_HEADER}\n美团,mt-7,王小明,13812345678,是,350102\n`,
  )
  const second = await upload(
    app,
    county,
    'platform_roster',
    `${ROSTER_HEADER}\n美团,ＭＴ-7,王晓明,13812345678,否,350102\n`,
  )
  t.equal(first.statusCode, 201)
  t.equal(second.statusCode, 201)
  const rows = await app.db.selectFrom('register_platform_roster').selectAll().execute()
  t.same(
    rows.map((r) => [r.rider_id_norm, r.name, r.is_member, r.import_id]),
    [['MT-7', '王晓明', false, second.json().id]],
  )
})

t.test('a party member listed later with an ID number replaces the row without one', async (t) => {
  const { app, county } = await setup(t)
  const header = '姓名,身份证号,手机号,所在党组织,行政区划代码'
  await upload(app, county, 'party_list', `${header}\n张三,,13812345678,甲支部,350102\n`)
  await upload(
    app,
    county,
    'party_list',
    `${header}\n张 三,${residentId()},138 1234 5678,乙支部,350102\n`,
  )
  const rows = await app.db.selectFrom('register_party_list').selectAll().execute()
  t.same(
    rows.map((r) => [r.name_norm, r.organisation, r.id_number_bi !== null]),
    [['张三', '乙支部', true]],
  )
})

t.test('mobiles and ID numbers are stored only encrypted; the import is audited', async (t) => {
  const { app, county } = await setup(t)
  const id = residentId('350102', '19800202', '777')
  const csv = `姓名,身份证号,手机号,所在党组织,行政区划代码\n张三,${id},13812345678,鼓楼区某支部,350102\n`
  const res = await upload(app, county, 'party_list', csv)
  t.equal(res.statusCode, 201)
  const { rows } = await sql`select * from register_party_list`.execute(app.db)
  const raw = JSON.stringify(rows)
  t.notMatch(raw, id, 'no plaintext ID number')
  t.notMatch(raw, '13812345678', 'no plaintext mobile')
  const row = rows[0] as { id_number_enc: string; mobile_bi: string }
  t.equal(app.cipher.decrypt(row.id_number_enc), id)
  t.equal(row.mobile_bi, app.cipher.blindIndex('mobile', '138 1234 5678'))
  const audit = await app.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'register.import')
    .execute()
  t.match(audit, [
    {
      actor_id: county.id,
      outcome: 'success',
      target_type: 'register_import',
      target_id: res.json().id,
      region_path: '350000.350100.350102',
      detail: { kind: 'party_list', read: 1, accepted: 1, rejected: 0 },
    },
  ])
})

t.test('templates, wrong requests and limits', async (t) => {
  const { app, county } = await setup(t, { REGISTER_IMPORT_MAX_BYTES: '2048' })
  const template = await app.inject({
    url: '/api/v1/registers/platform_roster/template.csv',
    headers: county.auth,
  })
  t.equal(template.statusCode, 200)
  t.equal(template.body, `\uFEFF${ROSTER_HEADER}\r\n`)
  const unknownKind = await app.inject({
    url: '/api/v1/registers/cats/template.csv',
    headers: county.auth,
  })
  t.equal(unknownKind.statusCode, 400)
  const json = await app.inject({
    method: 'POST',
    url: '/api/v1/registers/party_list/imports',
    headers: county.auth,
    payload: { file: 'x' },
  })
  t.equal(json.statusCode, 415)
  const big = await upload(
    app,
    county,
    'party_list',
    `姓名,手机号,所在党组织,行政区划代码\n${'x'.repeat(4096)}\n`,
  )
  t.equal(big.statusCode, 413)
  t.equal(await count(app, 'register_imports'), 0)
})

/** GB18030 has no encoder in Node: the needed characters are found by decoding two-byte codes. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, Buffer>()
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const bytes = Buffer.from([lead, trail])
      table.set(decoder.decode(bytes), bytes)
    }
  return Buffer.concat(
    [...text].map((char) =>
      char.charCodeAt(0) < 0x80 ? Buffer.from(char) : (table.get(char) ?? Buffer.from('?')),
    ),
  )
}
