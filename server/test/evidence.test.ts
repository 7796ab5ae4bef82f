import { normalizeText } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { recomputeEvidence } from '../src/evidence/evidence.service.ts'
import type { EntryFacts } from '../src/evidence/facts.ts'
import { judgeEntry } from '../src/evidence/judge.ts'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import { residentId, uscc } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

// ── judgeEntry: the rules, without a database ──────────────────────────────────────────

const rider = (overrides: Partial<EntryFacts> = {}): EntryFacts => ({
  kind: 'rider',
  name: '王小明',
  mobileBi: 'M1',
  idNumberBi: 'ID1',
  regionCode: '350102',
  uscc: null,
  businessName: null,
  marketName: null,
  orgForm: null,
  roster: null,
  partyById: null,
  partyByMobile: [],
  business: null,
  annualReport: null,
  ...overrides,
})
const rosterRow = { nameNorm: '王小明', mobileBi: 'M1', isMember: true }
const statusOf = (facts: EntryFacts) => judgeEntry(facts).registers.map((r) => r.status)

t.test('judgeEntry: riders against the roster and the party list', async (t) => {
  const strong = judgeEntry(
    rider({
      roster: rosterRow,
      partyById: { nameNorm: '王小明', idNumberBi: 'ID1', mobileBi: 'M1' },
    }),
  )
  t.match(strong, { strength: 'strong', suggestion: 'verify', matchingSources: 2 })
  t.equal(
    strong.reason,
    '平台名册：骑手编号、姓名、手机号、党员身份一致；党员名单：姓名、身份证号、手机号一致 → 强',
  )
  const someoneElse = judgeEntry(
    rider({ roster: { ...rosterRow, nameNorm: '李四', mobileBi: 'M9' } }),
  )
  t.match(someoneElse, { strength: 'conflict', suggestion: 'ask' })
  t.match(someoneElse.registers[0]?.summary, /骑手编号对应他人/)
  const otherMobile = judgeEntry(rider({ roster: { ...rosterRow, mobileBi: 'M9' } }))
  t.match(otherMobile, { strength: 'weak', suggestion: 'ask' })
  t.same(statusOf(rider({ roster: { ...rosterRow, isMember: false } })), ['partial', 'absent'])
  t.match(judgeEntry(rider({ roster: rosterRow })), { strength: 'moderate', suggestion: 'verify' })
  t.match(judgeEntry(rider()), { strength: 'none', suggestion: 'review', matchingSources: 0 })
})

t.test('judgeEntry: the party list never matches across two people', async (t) => {
  const sameId = { nameNorm: '王小明', idNumberBi: 'ID1', mobileBi: null }
  t.same(statusOf(rider({ partyById: { ...sameId, nameNorm: '王晓明' } })), ['absent', 'conflict'])
  const listedWithOtherId = [{ nameNorm: '王小明', idNumberBi: 'ID2', mobileBi: 'M1' }]
  t.same(statusOf(rider({ partyByMobile: listedWithOtherId })), ['absent', 'absent'], 'other ID')
  t.same(
    statusOf(rider({ idNumberBi: null, partyByMobile: listedWithOtherId })),
    ['absent', 'match'],
    'the entry has no ID: name and mobile decide',
  )
  const listedWithoutId = [{ nameNorm: '王小明', idNumberBi: null, mobileBi: 'M1' }]
  t.same(statusOf(rider({ partyByMobile: listedWithoutId })), ['absent', 'match'])
  const otherMobile = [{ nameNorm: '王小明', idNumberBi: null, mobileBi: 'M2' }]
  t.same(statusOf(rider({ partyByMobile: otherMobile })), ['absent', 'absent'], 'other mobile')
})

t.test('judgeEntry: operators and market openers against business data', async (t) => {
  const business = {
    nameNorm: normalizeText('鼓楼区李红水果店'),
    legalRepresentativeNorm: '李红',
    active: true,
    status: '存续',
    regionCode: '350102',
  }
  const operator = rider({
    kind: 'operator',
    name: '李红',
    uscc: uscc(),
    businessName: '鼓楼区 李红水果店',
    business,
    annualReport: { memberCount: 2, hasOrganisation: false },
  })
  t.match(judgeEntry(operator), { strength: 'strong', matchingSources: 2 })
  const cancelled = judgeEntry({
    ...operator,
    business: { ...business, active: false, status: '注销' },
  })
  t.match(cancelled, { strength: 'conflict', reason: /登记状态为“注销”/ })
  const onlyBusiness = judgeEntry({ ...operator, annualReport: null })
  t.match(onlyBusiness, { strength: 'moderate', suggestion: 'review' })
  t.same(statusOf({ ...operator, annualReport: { memberCount: 0, hasOrganisation: false } }), [
    'match',
    'partial',
    'absent',
  ])
  const opener = rider({
    kind: 'market_opener',
    name: '陈开办',
    uscc: uscc(),
    marketName: '东街口农贸市场',
    orgForm: 'none',
    business: { ...business, nameNorm: '东街口农贸市场' },
    annualReport: { memberCount: 3, hasOrganisation: true },
  })
  t.same(statusOf(opener), ['match', 'partial'], 'the report says an organisation exists')
  t.same(statusOf({ ...opener, uscc: null }), ['absent', 'absent'])
})

// ── End to end: entries in the database, registers imported over the API ─────────────

interface Entry {
  name: string
  mobile: string
  idNumber?: string
  riderId: string
}

/** A submitted rider entry stored as the membership service stores one. */
async function pendingRider(app: FastifyInstance, entry: Entry): Promise<string> {
  const user = await app.db
    .insertInto('users')
    .values({ role: 'user', kind: 'rider', openid: `o-${entry.riderId}-${Math.random()}` })
    .returning('id')
    .executeTakeFirstOrThrow()
  const row = await app.db
    .insertInto('memberships')
    .values({
      user_id: user.id,
      kind: 'rider',
      state: 'submitted',
      form: { kind: 'rider', riderId: entry.riderId, platform: 'meituan' },
      name: entry.name,
      region_code: '350102',
      region_path: '350000.350100.350102',
      platform: 'meituan',
      rider_id_norm: normalizeText(entry.riderId),
      mobile_enc: app.cipher.encrypt(entry.mobile),
      mobile_bi: app.cipher.blindIndex('mobile', entry.mobile),
      id_number_enc: entry.idNumber ? app.cipher.encrypt(entry.idNumber) : null,
      id_number_bi: entry.idNumber ? app.cipher.blindIndex('resident_id', entry.idNumber) : null,
      queued_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function importCsv(app: FastifyInstance, staff: Account, kind: string, csv: string) {
  const body = multipartFile(csv)
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/registers/${kind}/imports`,
    headers: { ...body.headers, ...staff.auth },
    payload: body.payload,
  })
  if (res.statusCode !== 201) throw new Error(`import failed: ${res.body}`)
  return res.json() as { evidenceRecomputed: number; rowsRejected: number }
}

const evidenceOf = (app: FastifyInstance, id: string) =>
  app.db
    .selectFrom('memberships')
    .select(['evidence', 'evidence_strength', 'evidence_sources'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

const ROSTER = '平台,骑手编号,姓名,手机号,是否党员,行政区划代码'
const PARTY = '姓名,身份证号,手机号,所在党组织,行政区划代码'

t.test('imports recompute the evidence of the entries they concern', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.a', 'county', '350102')
  const wang = residentId('350102', '19900101', '123')
  const exact = await pendingRider(app, {
    name: '王小明',
    mobile: '13812345678',
    idNumber: wang,
    riderId: 'MT-1',
  })
  // Typed on a phone: full-width digits in the rider ID.
  const formatted = await pendingRider(app, {
    name: '赵六',
    mobile: '13900001111',
    riderId: 'MT-２',
  })
  const taken = await pendingRider(app, { name: '钱七', mobile: '13700001111', riderId: 'MT-3' })
  const namesake = await pendingRider(app, {
    name: '王小明',
    mobile: '13600001111',
    idNumber: residentId('350102', '19900101', '456'),
    riderId: 'MT-4',
  })
  const untouched = await pendingRider(app, {
    name: '孙八',
    mobile: '13500001111',
    riderId: 'EL-5',
  })

  const roster = await importCsv(
    app,
    county,
    'platform_roster',
    [
      ROSTER,
      '美团,MT-1,王小明,13812345678,是,350102',
      // Spaces in the name, +86 and spaces in the mobile: formatting only.
      '美团,mt-2,赵 六,+86 139 0000 1111,是,350102',
      '美团,MT-3,周九,13111112222,是,350102',
    ].join('\n'),
  )
  t.equal(roster.evidenceRecomputed, 3, 'the three riders with a roster row')
  t.equal(roster.rowsRejected, 0)
  const party = await importCsv(
    app,
    county,
    'party_list',
    [
      PARTY,
      `王小明,${wang},13812345678,鼓楼区某支部,350102`,
      // The same name and mobile as the namesake's, but another person's ID number.
      `王小明,${residentId('350102', '19750101', '789')},13600001111,台江区某支部,350102`,
    ].join('\n'),
  )
  t.equal(party.evidenceRecomputed, 2, 'Wang and the namesake')

  t.match(await evidenceOf(app, exact), {
    evidence_strength: 'strong',
    evidence_sources: 2,
    evidence: { suggestion: 'verify', registers: [{ status: 'match' }, { status: 'match' }] },
  })
  t.match(await evidenceOf(app, formatted), {
    evidence_strength: 'moderate',
    evidence: { registers: [{ register: 'platform_roster', status: 'match' }] },
  })
  t.match(await evidenceOf(app, taken), {
    evidence_strength: 'conflict',
    evidence: { suggestion: 'ask', reason: /骑手编号对应他人/ },
  })
  t.match(await evidenceOf(app, namesake), {
    evidence_strength: 'none',
    evidence: { registers: [{ status: 'absent' }, { status: 'absent' }] },
  })
  t.match(await evidenceOf(app, untouched), { evidence: null, evidence_strength: 'none' })

  t.equal(await recomputeEvidence(app.db, { regionPath: '350000.350100.350102' }), 5)
  t.equal(await recomputeEvidence(app.db, { regionPath: '350000.350200' }), 0)
  t.equal(await recomputeEvidence(app.db, { membershipIds: [untouched] }), 1)
  t.match(await evidenceOf(app, untouched), { evidence: { strength: 'none' } })
})
