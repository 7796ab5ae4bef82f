import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { placeInput } from './fixtures/matrix-places.ts'
import {
  consentingUser,
  marketOpenerForm,
  riderForm,
  submitMembership,
} from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

/** Excel's column width unit is a '0'; a CJK character or full-width sign takes two. */
const units = (text: string) =>
  [...text].reduce((sum, char) => sum + (/[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0)

/** What the cell shows, by its value and number format. */
function shown(cell: ExcelJS.Cell): string {
  const { value, numFmt } = cell
  if (value instanceof Date) return numFmt
  if (typeof value === 'number' && numFmt?.includes('%')) return `${(value * 100).toFixed(1)}%`
  return value == null ? '' : String(value)
}

/** The header's texts, read as a clerk reads row 2. */
const headerOf = (sheet: ExcelJS.Worksheet) =>
  ((sheet.getRow(2).values ?? []) as unknown[]).slice(1).map(String)

async function workbookOf(t: Test, res: { statusCode: number; rawPayload: Buffer }) {
  t.equal(res.statusCode, 200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  return workbook
}

/**
 * Every sheet: a bold title row (merged across the columns) naming whose data and 数据时间,
 * a bold header frozen below it, and columns at least as wide as their longest cell.
 */
function laidOut(t: Test, workbook: ExcelJS.Workbook, title: RegExp) {
  for (const sheet of workbook.worksheets) {
    const header = headerOf(sheet)
    const titleCell = sheet.getCell(1, 1)
    t.match(titleCell.value, title, `${sheet.name}: the title row`)
    t.ok(titleCell.font?.bold, `${sheet.name}: the title is bold`)
    t.equal(sheet.getCell(1, header.length).master.address, 'A1', `${sheet.name}: title merged`)
    t.ok(header.length > 0 && header.every((text) => text !== ''), `${sheet.name}: a header`)
    t.ok(
      header.every((_, i) => sheet.getCell(2, i + 1).font?.bold),
      `${sheet.name}: the header is bold`,
    )
    t.match(sheet.views, [{ state: 'frozen', ySplit: 2 }], `${sheet.name}: title and header frozen`)
    header.forEach((name, i) => {
      let longest = 0
      for (let r = 2; r <= sheet.rowCount; r += 1) {
        longest = Math.max(longest, units(shown(sheet.getCell(r, i + 1))))
      }
      const width = sheet.getColumn(i + 1).width ?? 0
      t.ok(
        width >= Math.min(longest, 50) && width <= 60,
        `${sheet.name} ${name}: width ${width} fits ${longest}`,
      )
    })
  }
}

/** The CSV: a BOM, then one section per XLSX sheet with the same title and header lines. */
function sameHeaders(t: Test, csv: { statusCode: number; body: string }, xlsx: ExcelJS.Workbook) {
  t.equal(csv.statusCode, 200)
  t.equal(csv.body.charCodeAt(0), 0xfeff, 'a byte-order mark for Excel')
  const sections = csv.body.slice(1).split('\r\n\r\n')
  t.equal(sections.length, xlsx.worksheets.length, 'a section per sheet')
  xlsx.worksheets.forEach((sheet, i) => {
    const [title, header] = sections[i]?.split('\r\n') ?? []
    t.equal(title, sheet.getCell(1, 1).value, `${sheet.name}: the same title`)
    t.same(header?.split(','), headerOf(sheet), `${sheet.name}: the same header`)
  })
  t.notMatch(csv.body, /值\d/, 'no 值1…值N')
}

/** The first data row whose cell in `column` reads `text`. */
const rowOf = (sheet: ExcelJS.Worksheet | undefined, text: string, column = 1) =>
  sheet?.getRows(3, sheet.rowCount)?.find((row) => row.getCell(column).value === text)

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

t.test('the ledger, its detail lists and a report export as files a clerk hands on', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'export.gl', 'county', '350102')
  const market = async (name: string, form: Record<string, unknown>) =>
    submitMembership(app, await consentingUser(app, name), marketOpenerForm(form))
  await verify(app, county, await market('甲', { mobile: '13811110003' }))
  // A name a spreadsheet would run as a formula; half the verified markets organised.
  const formula = '=1+2农贸市场'
  await verify(
    app,
    county,
    await market('乙', {
      mobile: '13811110004',
      marketName: formula,
      orgForm: 'none',
      orgName: undefined,
    }),
  )
  const station = '鼓楼区东街口爱心驿站（示范点·二十四小时开放）'
  const place = await app.inject({
    method: 'POST',
    url: '/api/v1/places',
    headers: county.auth,
    payload: placeInput({ name: station, lastCheckedOn: '2026-05-20' }),
  })
  t.equal(place.statusCode, 201, place.body)
  // 00:30 in China is still the day before in UTC: the title must read China's clock.
  const now = new Date('2026-07-05T00:30:00+08:00')
  app.clock = () => now

  const get = (url: string) => app.inject({ url: `/api/v1${url}`, headers: county.auth })
  const xlsx = await workbookOf(t, await get('/ledgers/export.xlsx'))
  laidOut(t, xlsx, /^鼓楼区 .+（数据时间 2026-07-05 00:30）$/)
  const coverage = rowOf(xlsx.getWorksheet('专业市场'), '覆盖率（已核验）')?.getCell(2)
  t.equal(coverage?.value, 0.5, 'the share as a number between 0 and 1')
  t.match(coverage?.numFmt, /^0(\.0)?%$/, 'shown as a percentage')
  const checked = rowOf(xlsx.getWorksheet('阵地明细'), '鼓楼区')?.getCell(9)
  t.same(checked?.value, new Date(Date.UTC(2026, 4, 20)), 'the check day as a date')
  t.equal(checked?.numFmt, 'yyyy-mm-dd')
  const named = xlsx.getWorksheet('市场明细')?.getColumn(2).values
  t.ok(named?.includes(formula), 'in the XLSX the name is text, not a formula')

  const csv = await get('/ledgers/export.csv')
  sameHeaders(t, csv, xlsx)
  t.match(csv.headers['content-disposition'], encodeURIComponent('鼓楼区台账2026-07-05.csv'))
  t.match(csv.body, '\r\n覆盖率（已核验）,50.0%,\r\n', 'the share printed as in the XLSX')
  t.match(csv.body, `,${station},`)
  t.match(csv.body, /,2026-05-20\r\n/, 'the day printed as in the XLSX')
  t.match(csv.body, `,'${formula},`, 'in the CSV the formula is neutralised')
  t.notMatch(csv.body, /(^|,)\d+\/\d+(,|\r\n)/m, 'no 3/5 that Excel would open as a date')

  const sent = await app.inject({
    method: 'POST',
    url: '/api/v1/ledger-reports',
    headers: county.auth,
    payload: { period: '2026-H1' },
  })
  t.equal(sent.statusCode, 201, sent.body)
  const report = `/ledger-reports/${sent.json().id}/export`
  const frozen = await workbookOf(t, await get(`${report}.xlsx`))
  laidOut(t, frozen, /^鼓楼区 .+ 2026年上半年报告 第1版（数据时间 2026-07-05 00:30）$/)
  sameHeaders(t, await get(`${report}.csv`), frozen)
})

t.test('the personal-data export is laid out the same way, times as dates', async (t) => {
  const app = await buildTestApp(t)
  const rider = await consentingUser(app, '导出骑手')
  await submitMembership(app, rider, riderForm())
  const res = await app.inject({ url: '/api/v1/me/data.xlsx', headers: rider.auth })
  const workbook = await workbookOf(t, res)
  laidOut(t, workbook, /^我的数据 .+（数据时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/)
  const signedIn = workbook.getWorksheet('登录记录')?.getCell(3, 1)
  t.ok(signedIn?.value instanceof Date, 'a sign-in time as a date')
  t.equal(signedIn?.numFmt, 'yyyy-mm-dd hh:mm')
  const joined = rowOf(workbook.getWorksheet('党员登记'), '入党日期', 2)?.getCell(3)
  t.same(joined?.value, new Date(Date.UTC(2015, 6, 1)), 'a day as a date')
  t.equal(joined?.numFmt, 'yyyy-mm-dd')
})
