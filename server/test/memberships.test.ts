import { sql } from 'kysely'
import t from 'tap'
import { rotateKeys } from '../src/crypto/rotate-keys.ts'
import { signInStaff, signInUser } from './fixtures/accounts.ts'
import { TEST_KEYS } from './fixtures/keys.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import {
  consentingUser,
  marketOpenerForm,
  operatorForm,
  residentId,
  riderForm,
  submitMembership,
  uscc,
} from './fixtures/memberships.ts'
import { buildAppWith, buildTestApp, freshConfig } from './helper.ts'

const save = (form: Record<string, unknown>, action = 'submit', answer?: string) => ({
  method: 'POST' as const,
  url: '/api/v1/memberships',
  payload: answer === undefined ? { action, form } : { action, form, answer },
})

t.test('nothing is stored before the privacy notice is accepted', async (t) => {
  const app = await buildTestApp(t)
  const rider = await signInUser(app, 'no-consent')
  const res = await app.inject({ ...save(riderForm()), headers: rider.auth })
  t.equal(res.statusCode, 403)
  t.equal(res.json().error.code, 'privacy_consent_required')
  const rows = await app.db.selectFrom('memberships').select('id').execute()
  t.equal(rows.length, 0)
})

/** One bad value per field, and the Chinese words its message must contain. */
const badRiderFields: [string, unknown, string][] = [
  ['name', '王', '姓名'],
  ['mobile', '1381234567', '手机号'],
  ['idNumber', '350102199001011235', '身份证号'],
  ['workRegionCode', '350100', '区县'],
  ['workRegionCode', '12345', '行政区划'],
  ['orgName', '', '组织关系所在党组织'],
  ['orgRegionCode', '999999', '行政区划代码'],
  ['orgRegionCode', '350199', '组织关系所在地区不存在'],
  ['memberType', 'honorary', '正式或预备'],
  ['joinedOn', '1900-01-01', '入党日期'],
  ['joinedOn', '2999-01-01', '入党日期'],
  ['flowMember', 'yes', '是否流动党员'],
  ['wantsLocalBranch', undefined, '流动党员党支部'],
  ['platform', 'ubereats', '配送平台'],
  ['platformOther', '', '平台名称'],
  ['riderId', '', '骑手编号'],
  ['deliveryStation', 'x'.repeat(101), '配送站点'],
]

t.test('each rider field names itself in Chinese when it is wrong', async (t) => {
  const app = await buildTestApp(t)
  const rider = await consentingUser(app, 'validation-rider')
  for (const [field, value, words] of badRiderFields) {
    const overrides =
      field === 'platformOther' ? { platform: 'other', [field]: value } : { [field]: value }
    const res = await app.inject({ ...save(riderForm(overrides)), headers: rider.auth })
    t.equal(res.statusCode, 400, `${field}=${JSON.stringify(value)} is refused`)
    const fields = res.json().error.fields as { field: string; message: string }[]
    const hit = fields.find((item) => item.field === `body.form.${field}`)
    t.ok(hit, `the error names body.form.${field}`)
    t.match(hit?.message ?? '', words, `${field}: ${hit?.message}`)
  }
  t.equal((await app.db.selectFrom('memberships').select('id').execute()).length, 0)
})

t.test('operator and market-opener fields are checked too', async (t) => {
  const app = await buildTestApp(t)
  const cases: [Record<string, unknown>, string, string][] = [
    [operatorForm({ uscc: `${uscc().slice(0, 17)}0` }), 'uscc', '校验位'],
    [operatorForm({ businessName: '' }), 'businessName', '经营主体名称'],
    [operatorForm({ stallNo: '' }), 'stallNo', '摊位号'],
    [operatorForm({ businessKind: 'bank' }), 'businessKind', '经营主体类型'],
    [marketOpenerForm({ memberStallOwnerCount: 500 }), 'memberStallOwnerCount', '不能多于摊位数'],
    [marketOpenerForm({ orgName: '' }), 'orgName', '党组织名称'],
    [marketOpenerForm({ location: { lat: 60, lng: 119 } }), 'location.lat', '纬度'],
    [marketOpenerForm({ stallCount: 1.5 }), 'stallCount', '整数'],
  ]
  let n = 0
  for (const [form, field, words] of cases) {
    const account = await consentingUser(app, `fields-${++n}`)
    const res = await app.inject({ ...save(form), headers: account.auth })
    t.equal(res.statusCode, 400, field)
    const hit = res
      .json()
      .error.fields.find((item: { field: string }) => item.field === `body.form.${field}`)
    t.match(hit?.message ?? '', words, `${field}: ${hit?.message}`)
  }
})

t.test('a draft keeps what was typed, even unfinished, and is encrypted', async (t) => {
  const app = await buildTestApp(t)
  const rider = await consentingUser(app, 'drafter')
  const res = await app.inject({
    ...save({ kind: 'rider', name: '王', mobile: '13812345678', riderId: 'MT 1' }, 'save'),
    headers: rider.auth,
  })
  t.equal(res.statusCode, 201)
  t.equal(res.json().state, 'draft')
  t.equal(res.json().mobileMasked, '138****5678')
  t.same(res.json().form, { kind: 'rider', name: '王', riderId: 'MT 1' })
  const again = await app.inject({
    ...save({ kind: 'rider', name: '王小' }, 'save'),
    headers: rider.auth,
  })
  t.equal(again.statusCode, 200)
  t.equal(again.json().mobileMasked, '138****5678', 'a left-out mobile is kept')
})

t.test('the raw tables never hold a plaintext mobile or ID number', async (t) => {
  const app = await buildTestApp(t)
  const rider = await consentingUser(app, 'plaintext-check')
  const form = riderForm({
    mobile: '+86 139 8765 4321',
    idNumber: residentId('350102', '19881212', '777'),
  })
  const created = await submitMembership(app, rider, form)
  t.equal(created.state, 'submitted')
  const raw = await sql<{
    row: string
  }>`select row_to_json(m)::text as row from memberships m`.execute(app.db)
  const events = await sql<{
    row: string
  }>`select row_to_json(e)::text as row from membership_events e`.execute(app.db)
  const everything = [...raw.rows, ...events.rows].map((r) => r.row).join('\n')
  t.notMatch(everything, '13987654321')
  t.notMatch(everything, '139 8765 4321')
  t.notMatch(everything, form.idNumber as string)
  t.notMatch(everything, '19881212', 'not even the birth date part')
  const mine = await app.inject({ url: '/api/v1/memberships/mine', headers: rider.auth })
  t.equal(mine.json().membership.mobileMasked, '139****4321')
  const id = form.idNumber as string
  t.equal(mine.json().membership.idNumberMasked, `${id.slice(0, 4)}**********${id.slice(-4)}`)
})

t.test('submit, edit while pending, answer a question; the timeline keeps each step', async (t) => {
  const app = await buildTestApp(t)
  const rider = await consentingUser(app, 'timeline')
  await app.inject({ ...save({ kind: 'rider', name: '王小明' }, 'save'), headers: rider.auth })
  await submitMembership(app, rider, riderForm())
  const { mobile, idNumber, ...withoutSecrets } = riderForm({ deliveryStation: '鼓楼西街站' })
  const edited = await app.inject({ ...save(withoutSecrets), headers: rider.auth })
  t.equal(edited.statusCode, 200)
  t.equal(edited.json().state, 'submitted', 'editing keeps it in the queue')
  t.equal(edited.json().mobileMasked, '138****5678', 'mobile kept without retyping')
  await app.db
    .updateTable('memberships')
    .set({ state: 'needs_info', question: '请补充站点负责人' })
    .execute()
  const mine = await app.inject({ url: '/api/v1/memberships/mine', headers: rider.auth })
  t.equal(mine.json().membership.question, '请补充站点负责人')
  const answered = await app.inject({
    ...save(withoutSecrets, 'submit', '站长张三'),
    headers: rider.auth,
  })
  t.equal(answered.json().state, 'resubmitted')
  const actions = answered.json().timeline.map((event: { action: string }) => event.action)
  t.same(actions, ['answered', 'edited', 'submitted', 'saved'], 'newest first')
  t.equal(answered.json().timeline[0].note, '站长张三')
  t.equal(answered.json().timeline[0].actor, '本人')
  const draftAgain = await app.inject({ ...save(withoutSecrets, 'save'), headers: rider.auth })
  t.equal(draftAgain.statusCode, 409, 'a submitted entry does not go back to draft')
})

t.test('a USCC from another region is a warning, not a refusal', async (t) => {
  const app = await buildTestApp(t)
  const operator = await consentingUser(app, 'operator-warning')
  const res = await app.inject({
    ...save(operatorForm({ uscc: uscc('350203') })),
    headers: operator.auth,
  })
  t.equal(res.statusCode, 201)
  t.equal(res.json().warnings.length, 1)
  t.match(res.json().warnings[0].message, '不一致')
  const same = await consentingUser(app, 'operator-same-region')
  const ok = await app.inject({ ...save(operatorForm()), headers: same.auth })
  t.same(ok.json().warnings, [])
  const opener = await consentingUser(app, 'opener')
  const market = await app.inject({ ...save(marketOpenerForm()), headers: opener.auth })
  t.equal(market.statusCode, 201)
  t.equal(market.json().mobileMasked, '137****2222')
})

t.test(
  'verified entries cannot be edited by the member; pending ones can be withdrawn',
  async (t) => {
    const app = await buildTestApp(t)
    const rider = await consentingUser(app, 'withdrawer')
    await submitMembership(app, rider, riderForm())
    const withdrawn = await app.inject({
      method: 'POST',
      url: '/api/v1/memberships/mine/withdraw',
      headers: rider.auth,
    })
    t.equal(withdrawn.json().state, 'withdrawn')
    const fresh = await submitMembership(app, rider, riderForm())
    t.equal(fresh.state, 'submitted', 'a new entry after withdrawing')
    await app.db
      .updateTable('memberships')
      .set({ state: 'verified' })
      .where('id', '=', fresh.id)
      .execute()
    const edit = await app.inject({ ...save(riderForm()), headers: rider.auth })
    t.equal(edit.statusCode, 409)
    t.match(edit.json().error.message, '已核验')
  },
)

t.test('after a key rotation the entry still reads the same, under the new key', async (t) => {
  const config = await freshConfig(t)
  const first = await buildAppWith(t, config)
  const rider = await consentingUser(first, 'rotated')
  await submitMembership(first, rider, riderForm())
  const staff = await signInStaff(first, 'county.rot', 'county', '350102')
  const csv = `姓名,身份证号,手机号,所在党组织,行政区划代码\n王小明,${residentId()},13812345678,某支部,350102\n`
  const file = multipartFile(csv)
  const imported = await first.inject({
    method: 'POST',
    url: '/api/v1/registers/party_list/imports',
    payload: file.payload,
    headers: { ...file.headers, ...staff.auth },
  })
  t.equal(imported.statusCode, 201)
  await first.close()
  const both = new Map(Object.entries(TEST_KEYS))
  const second = await buildAppWith(t, { ...config, FIELD_KEYS: both, FIELD_KEY_ACTIVE: 'test2' })
  await second.ready()
  const counts = await rotateKeys(second.db, second.cipher)
  const rotated = counts.filter((c) => c.table === 'memberships').map((c) => c.rotated)
  t.same(rotated, [1, 1], 'mobile and ID number re-encrypted')
  const listed = counts.filter((c) => c.table === 'register_party_list').map((c) => c.rotated)
  t.same(listed, [1, 1], 'register rows too')
  const list = await second.db
    .selectFrom('register_party_list')
    .selectAll()
    .executeTakeFirstOrThrow()
  t.match(list.mobile_enc, /^test2\./)
  t.equal(second.cipher.decrypt(list.id_number_enc ?? ''), residentId())
  const raw = await second.db
    .selectFrom('memberships')
    .select(['mobile_enc', 'id_number_enc'])
    .executeTakeFirstOrThrow()
  t.match(raw.mobile_enc, /^test2\./)
  t.match(raw.id_number_enc, /^test2\./)
  const mine = await second.inject({ url: '/api/v1/memberships/mine', headers: rider.auth })
  t.equal(mine.json().membership.mobileMasked, '138****5678')
})
