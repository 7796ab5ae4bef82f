import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import t from 'tap'
import {
  purgeAuditLog,
  purgeAuditLogDaily,
  RETENTION_ACTION,
} from '../src/audit/audit.repository.ts'
import { PRIVACY_NOTICE } from '../src/me/privacy-notice.ts'
import { signInStaff, signInUser } from './fixtures/accounts.ts'
import { consentingUser, riderForm, submitMembership } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

t.test(
  'the audit log is append-only: UPDATE, DELETE and TRUNCATE fail in the database',
  async (t) => {
    const app = await buildTestApp(t)
    await signInUser(app, 'audited')
    const before = await app.db.selectFrom('audit_log').select(['id', 'action']).execute()
    t.ok(
      before.some((row) => row.action === 'auth.wechat_sign_up'),
      'the sign-in was audited',
    )
    await t.rejects(sql`update audit_log set outcome = 'failure'`.execute(app.db), {
      message: /append-only \(UPDATE refused\)/,
    })
    await t.rejects(sql`delete from audit_log`.execute(app.db), {
      message: /append-only \(DELETE refused\)/,
    })
    await t.rejects(sql`truncate audit_log`.execute(app.db), {
      message: /append-only \(TRUNCATE refused\)/,
    })
    t.same(
      await app.db.selectFrom('audit_log').select(['id', 'action']).execute(),
      before,
      'nothing changed',
    )
  },
)

t.test('retention removes only rows older than 180 days, whatever it is asked', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const add = (days: number) =>
    sql`insert into audit_log (action, outcome, at) values (${`age-${days}`}, 'success', now() - make_interval(days => ${days}))`.execute(
      app.db,
    )
  for (const days of [10, 179, 181, 400]) await add(days)
  t.equal(await purgeAuditLog(app.db, 30), 2, 'asked for 30 days, still keeps 180')
  const left = await app.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'age-%')
    .orderBy('action')
    .execute()
  t.same(
    left.map((row) => row.action),
    ['age-10', 'age-179'],
  )
})

t.test('the daily retention runs once a day, however many servers check', async (t) => {
  const app = await buildTestApp(t)
  await sql`insert into audit_log (action, outcome, at) values ('age-400', 'success', now() - interval '400 days')`.execute(
    app.db,
  )
  const checks = await Promise.all([1, 2, 3].map(() => purgeAuditLogDaily(app.db, 365)))
  t.same(
    checks.filter((removed) => removed !== null),
    [1],
    'one check ran it, the others found it running or done',
  )
  t.equal(await purgeAuditLogDaily(app.db, 365), null, 'a later check the same day does nothing')
  const runs = await app.db
    .selectFrom('audit_log')
    .select(['actor_role', 'detail'])
    .where('action', '=', RETENTION_ACTION)
    .execute()
  t.same(runs, [{ actor_role: 'system', detail: { removed: 1, keptDays: 365 } }])
})

t.test('staff read the audit log of their own jurisdiction only', async (t) => {
  const app = await buildTestApp(t)
  const countyA = await signInStaff(app, 'audit.a', 'county', '350102')
  const countyB = await signInStaff(app, 'audit.b', 'county', '350203')
  const province = await signInStaff(app, 'audit.p', 'province', '350000')
  const targets = async (auth: Record<string, string>) =>
    (await app.inject({ url: '/api/v1/audit?limit=200', headers: auth }))
      .json()
      .items.map((row: { targetId: string }) => row.targetId)
  t.same((await targets(countyA.auth)).sort(), ['audit.a'])
  t.same((await targets(countyB.auth)).sort(), ['audit.b'])
  t.same((await targets(province.auth)).sort(), ['audit.a', 'audit.b', 'audit.p'])
  const page = await app.inject({ url: '/api/v1/audit?limit=1', headers: province.auth })
  t.equal(page.json().items.length, 1)
  t.type(page.json().next, 'number', 'a next cursor for the following page')
})

t.test('privacy notice: accepting records the version; a stale version is refused', async (t) => {
  const app = await buildTestApp(t)
  const user = await signInUser(app, 'reader')
  t.equal((await app.inject({ url: '/api/v1/me', headers: user.auth })).json().privacy, null)
  const stale = await app.inject({
    method: 'POST',
    url: '/api/v1/me/privacy-consent',
    headers: user.auth,
    payload: { version: '2000-01-01' },
  })
  t.equal(stale.statusCode, 400)
  t.equal(stale.json().error.fields[0].field, 'body.version')
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/me/privacy-consent',
    headers: user.auth,
    payload: { version: PRIVACY_NOTICE.version },
  })
  t.equal(ok.json().privacy.version, PRIVACY_NOTICE.version)
})

t.test(
  'GET /me/data exports what is held; DELETE /me leaves no personal field readable',
  async (t) => {
    const app = await buildTestApp(t)
    const user = await signInUser(app, 'leaver', 'rider')
    await app.inject({
      method: 'POST',
      url: '/api/v1/me/privacy-consent',
      headers: user.auth,
      payload: { version: PRIVACY_NOTICE.version },
    })
    const exported = (await app.inject({ url: '/api/v1/me/data', headers: user.auth })).json()
    t.match(exported.user, { id: user.id, kind: 'rider', openid: /^dev_[0-9a-f]{24}$/ })
    t.ok(exported.sessions.length >= 1)
    t.ok(exported.activity.some((row: { action: string }) => row.action === 'auth.wechat_sign_up'))

    t.equal(
      (await app.inject({ method: 'DELETE', url: '/api/v1/me', headers: user.auth })).statusCode,
      204,
    )
    const row = await app.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    t.match(row, {
      display_name: '',
      kind: null,
      openid: null,
      unionid: null,
      privacy_version: null,
      privacy_accepted_at: null,
    })
    t.ok(row.deleted_at)
    const openid = exported.user.openid as string
    for (const table of ['users', 'staff_accounts', 'refresh_tokens', 'audit_log', 'app_meta']) {
      const { rows } = await sql<{
        hits: number
      }>`select count(*)::int as hits from ${sql.table(table)} as x where x::text like ${`%${openid}%`}`.execute(
        app.db,
      )
      t.equal(rows[0]?.hits, 0, `no trace of the openid in ${table}`)
    }
    const audit = await app.db
      .selectFrom('audit_log')
      .select('ip')
      .where('actor_id', '=', user.id)
      .execute()
    t.ok(
      audit.every((entry) => entry.ip === null),
      'no IP of a mini-program user in the audit log',
    )
    t.equal(
      (await app.inject({ url: '/api/v1/me', headers: user.auth })).statusCode,
      401,
      'the account is gone at once',
    )
    const again = await signInUser(app, 'leaver')
    t.not(again.id, user.id, 'signing in again starts a new, empty account')
  },
)

t.test('GET /me/data.xlsx: one sheet per part, Chinese labels, secrets masked', async (t) => {
  const app = await buildTestApp(t)
  const rider = await consentingUser(app, '导出骑手')
  await submitMembership(app, rider, riderForm())
  const res = await app.inject({ url: '/api/v1/me/data.xlsx', headers: rider.auth })
  t.equal(res.statusCode, 200)
  t.equal(
    res.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  t.match(res.headers['content-disposition'], /filename\*=UTF-8''/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  t.same(
    workbook.worksheets.map((sheet) => sheet.name),
    ['账号', '党员登记', '登录记录', '操作记录'],
    'no 工作人员 sheet for a rider',
  )
  const cells = (name: string) =>
    // Sparse: index 1 is the title row, 2 the header; holes read as empty rows.
    Array.from(workbook.getWorksheet(name)?.getSheetValues() ?? [], (row) =>
      Array.isArray(row) ? row.slice(1).map((cell) => (cell == null ? '' : String(cell))) : [],
    )
  const account = cells('账号')
  t.same(account[2], ['项目', '内容'])
  t.ok(account.some((row) => row[0] === '账号类型' && row[1] === '小程序用户'))
  const registration = cells('党员登记')
  t.same(registration[2], ['登记', '项目', '内容'])
  const value = (label: string) => registration.find((row) => row[1] === label)?.[2]
  t.equal(value('登记类型'), '快递外卖骑手')
  t.equal(value('状态'), '待核验')
  t.equal(value('手机号（已遮盖）'), '138****5678')
  t.match(value('身份证号（已遮盖）'), /^\d{4}\*+\w{4}$/)
  t.equal(value('配送平台'), '美团')
  t.equal(value('是否流动党员'), '是')
  t.equal(value('工作地区'), '鼓楼区（350102）', 'regions by name, code after')
  const activity = cells('操作记录')
  t.same(activity[2], ['时间', '操作', '结果', '对象', '对象编号'])
  const actions = activity.slice(3).map((row) => row[1])
  t.ok(actions.includes('同意隐私保护指引'), `actions read as words: ${actions}`)
  t.notOk(
    actions.some((action) => /[a-z]/.test(action ?? '')),
    `no raw action code: ${actions}`,
  )
  const everything = JSON.stringify(workbook.worksheets.map((sheet) => sheet.getSheetValues()))
  t.notMatch(everything, '13812345678', 'the full mobile is nowhere in the file')
  t.notMatch(everything, riderForm().idNumber, 'nor the full ID number')
  t.match(cells('登录记录')[2], ['登录时间', '有效期至', '续期时间', '退出时间'])
  const signedIn = workbook.getWorksheet('登录记录')?.getCell(3, 1)
  t.ok(signedIn?.value instanceof Date, 'a date Excel reads as one')
  t.equal(signedIn?.numFmt, 'yyyy-mm-dd hh:mm')
  const chinaNow = Date.now() + 8 * 3600_000
  t.ok(
    signedIn?.value instanceof Date && Math.abs(signedIn.value.getTime() - chinaNow) < 600_000,
    'on China’s clock (Excel dates have no zone)',
  )
  t.equal(
    (await app.inject({ url: '/api/v1/me/data.xlsx' })).statusCode,
    401,
    'nobody else’s data without a sign-in',
  )
})
