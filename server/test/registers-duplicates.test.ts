import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import { residentId } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

async function upload(app: FastifyInstance, staff: Account, kind: string, csv: string) {
  const body = multipartFile(csv)
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/registers/${kind}/imports`,
    headers: { ...body.headers, ...staff.auth },
    payload: body.payload,
  })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json()
}

const ROSTER = '平台,骑手编号,姓名,手机号,是否党员,行政区划代码'
const PARTY = '姓名,身份证号,手机号,所在党组织,行政区划代码'

t.test(
  'rows repeating a key in one file are reported: lines, the one kept, disagreement',
  async (t) => {
    const app = await buildTestApp(t)
    const county = await signInStaff(app, 'county.a', 'county', '350102')
    const report = await upload(
      app,
      county,
      'platform_roster',
      [
        ROSTER,
        '美团,MT-1,王小明,13812345678,是,350102', // line 2
        '美团,MT-2,李四,13900001111,是,350102', // line 3
        '美团,mt-1,王 小明,138 1234 5678,是,350102', // line 4: MT-1 again, formatting only
        '美团,MT-2,李四,13900002222,否,350102', // line 5: MT-2 again, another mobile
        '美团,MT-2,李四,13900003333,否,350102', // line 6: MT-2 a third time
      ].join('\n'),
    )
    t.match(report, { rowsRead: 5, rowsAccepted: 5, rowsRejected: 0 })
    t.same(report.duplicates, [
      { line: 2, keptLine: 4, disagreed: false },
      { line: 3, keptLine: 6, disagreed: true },
      { line: 5, keptLine: 6, disagreed: true },
    ])
    const rows = await app.db
      .selectFrom('register_platform_roster')
      .select(['rider_id_norm', 'mobile_bi'])
      .orderBy('rider_id_norm')
      .execute()
    t.same(
      rows.map((r) => r.mobile_bi),
      [
        app.cipher.blindIndex('mobile', '13812345678'),
        app.cipher.blindIndex('mobile', '13900003333'),
      ],
      'the last row of each key is kept',
    )
    const again = await app.inject({
      url: `/api/v1/registers/imports/${report.id}`,
      headers: county.auth,
    })
    t.same(again.json().duplicates, report.duplicates, 'the stored report says the same')
  },
)

t.test(
  'one ID number given two names in one file: both rows refused with the reason',
  async (t) => {
    const app = await buildTestApp(t)
    const county = await signInStaff(app, 'county.a', 'county', '350102')
    const twice = residentId('350102', '19800101', '111')
    const once = residentId('350102', '19810101', '222')
    const report = await upload(
      app,
      county,
      'party_list',
      [
        PARTY,
        `张伟,${twice},13800000001,甲支部,350102`, // line 2
        `刘芳,${once},13800000002,甲支部,350102`, // line 3
        `张 伟,${twice},13800000001,甲支部,350102`, // line 4: the same, formatting only
        `李强,${twice},13800000003,乙支部,350102`, // line 5: the same ID, another name
        `张伟,${twice},13800000001,甲支部,350102`, // line 6: refused too
      ].join('\n'),
    )
    t.match(report, { rowsRead: 5, rowsAccepted: 1, rowsRejected: 4 })
    t.same(
      report.rejected.map((r: { line: number; reason: string }) => [r.line, r.reason]),
      [
        [2, '身份证号与第5行相同，姓名不同'],
        [4, '身份证号与第5行相同，姓名不同'],
        [5, '身份证号与第2行相同，姓名不同'],
        [6, '身份证号与第2行相同，姓名不同'],
      ],
    )
    t.same(report.duplicates, [], 'refused rows are not reported as merged')
    const rows = await app.db.selectFrom('register_party_list').select('name').execute()
    t.same(
      rows.map((r) => r.name),
      ['刘芳'],
    )
  },
)

t.test('a refused ID already written in an earlier batch is removed at the end', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.a', 'county', '350102')
  const twice = residentId('350102', '19800101', '111')
  const filler = Array.from(
    { length: 2_100 },
    (_, i) => `成员${i},,139${String(i).padStart(8, '0')},甲支部,350102`,
  )
  const report = await upload(
    app,
    county,
    'party_list',
    [
      PARTY,
      `张伟,${twice},13800000001,甲支部,350102`,
      ...filler,
      `李强,${twice},,乙支部,350102`,
    ].join('\n'),
  )
  t.match(report, { rowsAccepted: 2_100, rowsRejected: 2 })
  const left = await app.db
    .selectFrom('register_party_list')
    .select('name')
    .where('name', 'in', ['张伟', '李强'])
    .execute()
  t.same(left, [])
})
