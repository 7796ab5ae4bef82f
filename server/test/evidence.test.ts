import { LinkageWeights, normalizeText } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { recomputeEvidence } from '../src/evidence/evidence.service.ts'
import type { EntryFacts, PartyListFacts } from '../src/evidence/facts.ts'
import { judgeEntry, type LinkageContext } from '../src/evidence/judge.ts'
import { compareBusinessNames } from '../src/evidence/linkage/business.ts'
import { residentIdCorrections } from '../src/evidence/linkage/id-corrections.ts'
import { nearIdIndexes } from '../src/evidence/linkage/near-index.ts'
import { startingWeights } from '../src/evidence/linkage/weights.ts'
import { backfillNearIds } from '../src/evidence/near-id-backfill.service.ts'
import { jsonArray } from '../src/kernel/json-array.ts'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import { residentId, uscc } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

// ── judgeEntry: the rules, without a database ──────────────────────────────────────────

const context: LinkageContext = {
  weights: startingWeights,
  sizes: { roster: 20_000, party: 20_000 },
}
const judge = (facts: EntryFacts) => judgeEntry(facts, context)

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
  partyCandidates: [],
  business: null,
  annualReport: null,
  ...overrides,
})
const rosterRow = { nameNorm: '王小明', mobileBi: 'M1', isMember: true, nameCount: 1 }
const partyRow = (overrides: Partial<PartyListFacts> = {}): PartyListFacts => ({
  nameNorm: '王小明',
  idNumberBi: 'ID1',
  mobileBi: 'M1',
  nameCount: 1,
  idLevel: 'exact',
  ...overrides,
})
const statusOf = (facts: EntryFacts) => judge(facts).registers.map((r) => r.status)

t.test('judgeEntry: riders against the roster and the party list', async (t) => {
  const strong = judge(rider({ roster: rosterRow, partyCandidates: [partyRow()] }))
  t.match(strong, {
    strength: 'strong',
    suggestion: 'verify',
    matchingSources: 2,
    weightsVersion: 1,
  })
  t.equal(
    strong.reason,
    '平台名册：平台与骑手编号一致 +18.0 · 姓名一致 +14.1 · 手机号一致 +15.2 → >99.99%；' +
      '党员名单：身份证号一致 +19.9 · 姓名一致 +14.1 · 手机号一致 +15.2 → >99.99% → 强',
  )
  t.match(strong.registers[1]?.fields, [
    { field: 'name', result: 'match', level: 'exact' },
    { field: 'idNumber', result: 'match', level: 'exact', weight: 19.9 },
    { field: 'mobile', result: 'match', level: 'exact', weight: 15.2 },
  ])
  const someoneElse = judge(rider({ roster: { ...rosterRow, nameNorm: '李四', mobileBi: 'M9' } }))
  t.match(someoneElse, { strength: 'conflict', suggestion: 'ask' })
  t.match(someoneElse.registers[0]?.summary, /骑手编号相同，但姓名、手机号均不同/)
  // A new phone is weak evidence against: the roster still speaks for him.
  const otherMobile = judge(rider({ roster: { ...rosterRow, mobileBi: 'M9' } }))
  t.match(otherMobile, { strength: 'moderate', registers: [{ status: 'match' }] })
  t.match(otherMobile.registers[0]?.summary, /手机号不同 −2\.1/)
  t.same(statusOf(rider({ roster: { ...rosterRow, isMember: false } })), ['partial', 'absent'])
  t.match(judge(rider({ roster: rosterRow })), { strength: 'moderate', suggestion: 'verify' })
  t.match(judge(rider()), { strength: 'none', suggestion: 'review', matchingSources: 0 })
})

t.test('judgeEntry: typos, homophones and traditional forms are the same person', async (t) => {
  const homophone = judge(
    rider({
      name: '王小伟',
      roster: { ...rosterRow, nameNorm: '王小玮' },
      partyCandidates: [partyRow({ nameNorm: '王小玮', mobileBi: 'M9' })],
    }),
  )
  t.match(homophone, { strength: 'strong', matchingSources: 2 })
  t.match(homophone.registers[1], {
    status: 'match',
    summary:
      /^党员名单：身份证号相同，姓名有一字不同：伟\/玮，可能为同音字；身份证号一致 \+19\.9 · 姓名同音（伟\/玮）\+6\.0 · 手机号不同 −2\.1 → 99\.\d\d%$/,
  })
  t.notMatch(homophone.reason, /对应他人/)
  const traditional = judge(
    rider({ name: '王曉明', partyCandidates: [partyRow({ nameNorm: '王晓明' })] }),
  )
  t.match(traditional.registers[1], { status: 'match', summary: /繁简/ })
  const typo = judge(rider({ name: '王大明', partyCandidates: [partyRow()] }))
  t.match(typo.registers[1], { status: 'match', summary: /姓名有一字之差：大\/小/ })
  const otherPerson = judge(rider({ name: '李强', partyCandidates: [partyRow()] }))
  t.match(otherPerson, { strength: 'conflict', reason: /身份证号相同，姓名不同/ })
})

t.test('judgeEntry: impostors never reach 强', async (t) => {
  // A colleague's name and rider ID, his own mobile, no ID: the party list has nobody
  // with his mobile or ID, so only the roster speaks.
  const colleague = judge(
    rider({ idNumberBi: null, mobileBi: 'M-OWN', roster: rosterRow, partyCandidates: [] }),
  )
  t.not(colleague.strength, 'strong')
  // Even if the colleague is listed and found by name elsewhere: a name alone is no match.
  const namesake = judge(
    rider({
      idNumberBi: 'ID-OWN',
      mobileBi: 'M-OWN',
      roster: null,
      partyCandidates: [partyRow({ idNumberBi: 'ID1', idLevel: 'different', mobileBi: 'M1' })],
    }),
  )
  t.not(namesake.strength, 'strong')
  t.equal(namesake.matchingSources, 0)
})

t.test(
  "judgeEntry: the roster chain lifts a typo only through the entry's own mobile",
  async (t) => {
    // A one-character typo, no ID: the party row found by his mobile is 97.7 % alone, but
    // the roster row of his rider ID carries that mobile under the listed name.
    const typo = rider({ name: '王大明', idNumberBi: null, roster: rosterRow })
    const party = partyRow({ idLevel: 'missing' })
    const alone = judge({ ...typo, roster: null, partyCandidates: [party] })
    t.match(alone.registers[1], { status: 'partial' })
    t.equal(alone.registers[1]?.probability?.toFixed(4), '0.9769')
    const chained = judge({ ...typo, partyCandidates: [party] })
    t.match(chained, { strength: 'strong', matchingSources: 2 })
    t.match(chained.registers[1], {
      status: 'match',
      summary:
        /^党员名单：姓名有一字之差：大\/小，可能为录入错误；平台名册中该骑手编号的记录与名单此人手机号一致；姓名差一字（大\/小）\+4\.5 · 手机号一致 \+15\.2 · 经平台名册佐证 \+9\.6 → >99\.99%$/,
    })
    t.match(chained.registers[1]?.fields, [
      { field: 'name', level: 'close' },
      { field: 'idNumber', level: 'missing' },
      { field: 'mobile', level: 'exact' },
      { field: 'riderId', level: 'corroborated', result: 'match' },
    ])
    // The roster row carries another mobile: the two registers are not shown to be one person.
    const otherPhone = judge({
      ...typo,
      roster: { ...rosterRow, mobileBi: 'M9' },
      partyCandidates: [party],
    })
    t.equal(otherPhone.registers[1]?.status, 'partial')
    t.notMatch(otherPhone.reason, /佐证/)
    // A colleague with his rider ID and name but his own mobile and no ID: even were the
    // listed row before the judge, it is not reached by anything of his own.
    const colleague = judge(
      rider({ idNumberBi: null, mobileBi: 'M-OWN', roster: rosterRow, partyCandidates: [party] }),
    )
    t.not(colleague.strength, 'strong')
    t.notMatch(colleague.reason, /佐证/)
  },
)

t.test('judgeEntry: the party list never matches across two people', async (t) => {
  const sameMobileOtherId = [partyRow({ idNumberBi: 'ID2', idLevel: 'different' })]
  t.same(statusOf(rider({ partyCandidates: sameMobileOtherId })), ['absent', 'conflict'])
  t.match(
    judge(rider({ partyCandidates: sameMobileOtherId })).reason,
    /手机号、姓名相同，身份证号不同/,
  )
  t.same(
    statusOf(
      rider({
        idNumberBi: null,
        partyCandidates: [partyRow({ idNumberBi: 'ID2', idLevel: 'missing' })],
      }),
    ),
    ['absent', 'match'],
    'the entry has no ID: name and mobile decide',
  )
  const relative = [partyRow({ nameNorm: '李芳', idNumberBi: 'ID2', idLevel: 'different' })]
  t.same(statusOf(rider({ partyCandidates: relative })), ['absent', 'absent'], 'a relative')
  const corrected = [partyRow({ idLevel: 'corrected' })]
  t.same(statusOf(rider({ partyCandidates: corrected })), ['absent', 'match'], 'ID one slip away')
  t.match(judge(rider({ partyCandidates: corrected })).reason, /身份证号与名单差一位/)
  t.same(
    statusOf(rider({ partyCandidates: [partyRow({ idLevel: 'corrected', mobileBi: 'M9' })] })),
    ['absent', 'partial'],
    'a corrected ID alone is not enough',
  )
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
  t.match(judge(operator), { strength: 'strong', matchingSources: 2 })
  const cancelled = judge({
    ...operator,
    business: { ...business, active: false, status: '注销' },
  })
  t.match(cancelled, { strength: 'conflict', reason: /登记状态为“注销”/ })
  const onlyBusiness = judge({ ...operator, annualReport: null })
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

t.test('the business register scored: each field its level and weight, in words', async (t) => {
  const business = {
    nameNorm: normalizeText('福州市鼓楼区李红水果店'),
    legalRepresentativeNorm: '李红',
    active: true,
    status: '存续',
    regionCode: '350102',
  }
  const operator = (overrides: Partial<EntryFacts>) =>
    rider({
      kind: 'operator',
      name: '李红',
      uscc: uscc(),
      businessName: '李红水果店',
      business,
      ...overrides,
    })
  const register = (facts: EntryFacts) => {
    const found = judge(facts).registers.find((r) => r.register === 'business')
    if (!found) throw new Error('no business verdict')
    return found
  }
  const plain = register(operator({}))
  t.equal(plain.status, 'match')
  t.same(
    plain.fields.map((f) => [f.field, f.level, f.weight]),
    [
      ['uscc', 'exact', 19.9],
      ['businessName', 'close', 4],
      ['legalRepresentative', 'exact', 8.8],
      ['region', 'exact', 1],
      ['status', undefined, undefined],
    ],
    'the shop name typed without its city is close, not different',
  )
  t.equal(
    plain.explanation,
    '统一社会信用代码一致 +19.9 · 名称相近 +4.0 · 法定代表人一致 +8.8 · 所在县区一致 +1.0 → >99.99%',
  )
  // −14.3 + 19.9 + 4.0 + 8.8 + 1.0 = 19.4 bits
  t.ok(Math.abs((plain.probability ?? 0) - 1 / (1 + 2 ** -19.4)) < 1e-12)

  const traditional = register(operator({ businessName: '福州市鼓樓區李紅水果店', name: '李紅' }))
  t.equal(traditional.status, 'match', '繁體 is the same business and the same person')
  t.match(traditional.explanation, /名称繁简写法不同 \+8\.0 · 法定代表人繁简写法不同/)

  const homophone = register(operator({ name: '李鸿' }))
  t.equal(homophone.status, 'match')
  t.match(homophone.explanation, /法定代表人同音（鸿\/红）\+6\.0/)

  const notTheRepresentative = register(operator({ name: '王强' }))
  t.equal(notTheRepresentative.status, 'partial', 'the business, but another person')
  t.match(notTheRepresentative.summary, /法定代表人不是登记人本人/)

  const wrongCode = register(operator({ name: '王强', businessName: '王强五金店' }))
  t.equal(wrongCode.status, 'conflict')
  t.match(wrongCode.summary, /统一社会信用代码相同，但名称、法定代表人均不同，可能填错了代码/)
  t.equal(judge(operator({ name: '王强', businessName: '王强五金店' })).strength, 'conflict')

  const elsewhere = register(operator({ regionCode: '350103' }))
  t.match(elsewhere.explanation, /所在县区不同 −1\.0/)
  t.equal(elsewhere.status, 'match', 'a shop moved within the city is still itself')

  const market = (marketName: string) =>
    register(
      rider({
        kind: 'market_opener',
        name: '陈开办',
        uscc: uscc(),
        marketName,
        business: { ...business, nameNorm: '东街口农贸市场' },
      }),
    )
  const slip = market('东街囗农贸市场')
  t.equal(slip.status, 'match', 'the code agrees and the name is one character off: 99.94%')
  t.match(slip.explanation, /市场名称相近 \+4\.0.*→ 99\.94%/)
  t.notOk(slip.fields.some((f) => f.field === 'legalRepresentative'))
  const otherMarket = market('鼓楼水产批发中心')
  t.equal(otherMarket.status, 'partial', 'the code alone does not prove the market')
  t.match(otherMarket.summary, /统一社会信用代码相同，市场名称不同/)
  t.match(otherMarket.explanation, /市场名称不同 −4\.0/)
})

t.test('business names: each level', async (t) => {
  t.equal(compareBusinessNames('李红水果店', '李红水果店'), 'exact')
  t.equal(compareBusinessNames('李红 水果店', '李红水果店'), 'exact', 'spaces are formatting')
  t.equal(compareBusinessNames('李紅水果店', '李红水果店'), 'normalised')
  t.equal(compareBusinessNames('李红水果店', '福州市鼓楼区李红水果店'), 'close', 'written inside')
  t.equal(compareBusinessNames('李红水果铺', '李红水果店'), 'close', 'one character apart')
  t.equal(compareBusinessNames('王强五金店', '李红水果店'), 'different')
  t.equal(compareBusinessNames('', '李红水果店'), 'missing')
  t.equal(compareBusinessNames('店', '李红水果店'), 'different', 'one character inside is no match')
})

t.test('weights stored before businesses were scored read with the starting figures', async (t) => {
  const { business: _, ...older } = startingWeights
  t.same(LinkageWeights.parse(older).business, startingWeights.business)
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
      id_number_near_bi: entry.idNumber
        ? jsonArray(nearIdIndexes(app.cipher, entry.idNumber))
        : null,
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
    evidence: { suggestion: 'ask', reason: /骑手编号相同，但姓名、手机号均不同/ },
  })
  // Same name and mobile as a listed member, another ID number: identifiers contradict.
  t.match(await evidenceOf(app, namesake), {
    evidence_strength: 'conflict',
    evidence: {
      weightsVersion: 1,
      registers: [
        { status: 'absent' },
        { status: 'conflict', summary: /手机号、姓名相同，身份证号不同/ },
      ],
    },
  })
  t.match(await evidenceOf(app, untouched), { evidence: null, evidence_strength: 'none' })

  t.equal(await recomputeEvidence(app.db, { regionPath: '350000.350100.350102' }), 5)
  t.equal(await recomputeEvidence(app.db, { regionPath: '350000.350200' }), 0)
  t.equal(await recomputeEvidence(app.db, { membershipIds: [untouched] }), 1)
  t.match(await evidenceOf(app, untouched), { evidence: { strength: 'none' } })
})

t.test('a homophone, a new phone and an ID one slip away are still the member', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.a', 'county', '350102')
  const zhang = residentId('350102', '19880808', '321')
  const homophone = await pendingRider(app, {
    name: '张玮',
    mobile: '13300002222',
    idNumber: zhang,
    riderId: 'MT-10',
  })
  const listed = residentId('350102', '19850505', '111')
  const [slipped] = residentIdCorrections(listed)
  const slip = await pendingRider(app, {
    name: '刘芳',
    mobile: '13300003333',
    idNumber: slipped ?? '',
    riderId: 'MT-11',
  })
  // The same slip from a new phone: nothing but the ID one slip away reaches the row.
  const slipNewPhone = await pendingRider(app, {
    name: '刘芳',
    mobile: '13300004444',
    idNumber: slipped ?? '',
    riderId: 'MT-12',
  })
  await importCsv(
    app,
    county,
    'platform_roster',
    [ROSTER, '美团,MT-10,张伟,13300001111,是,350102'].join('\n'),
  )
  await importCsv(
    app,
    county,
    'party_list',
    [
      PARTY,
      `張偉,${zhang},13300001111,鼓楼区某支部,350102`,
      `刘芳,${listed},13300003333,鼓楼区某支部,350102`,
    ].join('\n'),
  )
  const first = await evidenceOf(app, homophone)
  t.match(first, { evidence_strength: 'strong', evidence_sources: 2 })
  t.match(first.evidence?.registers[1], {
    register: 'party_list',
    status: 'match',
    summary:
      /身份证号相同，姓名有一字不同：玮\/伟，可能为同音字；身份证号一致 \+19\.9 · 姓名同音（玮\/伟）\+6\.0 · 手机号不同 −2\.1 → 99\.\d\d%/,
  })
  t.notMatch(first.evidence?.reason, /对应他人/)
  const second = await evidenceOf(app, slip)
  t.match(second, {
    evidence_strength: 'moderate',
    evidence: {
      registers: [{ status: 'absent' }, { status: 'match', summary: /身份证号与名单差一位/ }],
    },
  })
  t.match(second.evidence?.registers[1]?.fields, [
    { field: 'name', level: 'exact' },
    { field: 'idNumber', level: 'corrected', weight: 10.3 },
    { field: 'mobile', level: 'exact' },
  ])
  // Found (and recomputed by the party list's import) through the slip alone; a corrected
  // ID is no identifier without the mobile beside it, so the row agrees but does not match.
  const third = await evidenceOf(app, slipNewPhone)
  t.match(third.evidence?.registers[1], {
    register: 'party_list',
    status: 'partial',
    summary: /身份证号与名单差一位/,
  })
  t.match(third.evidence?.registers[1]?.fields, [
    { field: 'name', level: 'exact' },
    { field: 'idNumber', level: 'corrected' },
    { field: 'mobile', level: 'different' },
  ])
})

t.test('entries from before near-ID prefixes get them, and their slip is found', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.a', 'county', '350102')
  const listed = residentId('350102', '19850505', '111')
  const [slipped] = residentIdCorrections(listed)
  const old = await pendingRider(app, {
    name: '刘芳',
    mobile: '13300003333',
    idNumber: slipped ?? '',
    riderId: 'MT-21',
  })
  // As migration 0022 left an entry submitted before it: no prefixes.
  await app.db
    .updateTable('memberships')
    .set({ id_number_near_bi: null })
    .where('id', '=', old)
    .execute()
  await importCsv(
    app,
    county,
    'party_list',
    [PARTY, `刘芳,${listed},13300009999,鼓楼区某支部,350102`].join('\n'),
  )
  const before = await evidenceOf(app, old)
  t.notOk(
    before.evidence?.registers.some((r) => r.register === 'party_list' && r.status !== 'absent'),
    'without prefixes the party list never reaches the entry',
  )

  const result = await backfillNearIds(app.db, app.cipher, { batchSize: 1 })
  t.same(result, { backfilled: 1, recomputed: 1 })
  const row = await app.db
    .selectFrom('memberships')
    .select('id_number_near_bi')
    .where('id', '=', old)
    .executeTakeFirstOrThrow()
  t.same(
    row.id_number_near_bi,
    nearIdIndexes(app.cipher, slipped ?? ''),
    'as submission writes them',
  )
  const after = await evidenceOf(app, old)
  t.match(after.evidence?.registers[1]?.fields, [
    { field: 'name', level: 'exact' },
    { field: 'idNumber', level: 'corrected' },
  ])
  t.same(
    await backfillNearIds(app.db, app.cipher),
    { backfilled: 0, recomputed: 0 },
    'a second run finds nothing left to do',
  )
})
