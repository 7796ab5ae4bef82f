import t from 'tap'
import { recomputeEvidence } from '../src/evidence/evidence.service.ts'
import {
  estimateWeights,
  mProbabilities,
  type SampledRow,
} from '../src/evidence/linkage/estimate.ts'
import { startingWeights } from '../src/evidence/linkage/weights.ts'
import { reestimateWeights } from '../src/evidence/linkage-weights.service.ts'
import { signInStaff } from './fixtures/accounts.ts'
import { multipartFile } from './fixtures/matrix-registers.ts'
import { buildTestApp } from './helper.ts'

t.test('estimate: u from random pairs, m kept, no infinite weight', async (t) => {
  const row = (
    nameNorm: string,
    mobileBi: string | null,
    idNumberBi: string | null,
  ): SampledRow => ({
    nameNorm,
    mobileBi,
    idNumberBi,
  })
  // Four pairs: one homophone pair, three different; every mobile and ID differs.
  const sample = [
    row('张伟', 'M1', 'I1'),
    row('张玮', 'M2', 'I2'),
    row('李强', 'M3', 'I3'),
    row('王芳', 'M4', 'I4'),
    row('赵敏', 'M5', null),
    row('钱七', 'M6', 'I6'),
    row('孙八', null, null),
    row('周九', 'M8', 'I8'),
  ]
  const w = estimateWeights(startingWeights, sample, { roster: 1_000, party: 4_000 }, 2)
  t.equal(w.version, 2)
  t.equal(w.prior, startingWeights.prior, 'the prior is kept')
  t.equal(w.name.homophone, Math.round(Math.log2(mProbabilities.name.homophone / 0.25) * 10) / 10)
  t.equal(w.name.different, Math.round(Math.log2(0.02 / 0.75) * 10) / 10)
  t.equal(w.name.close, Math.round(Math.log2(0.02 / 0.2) * 10) / 10, 'unseen: u = 1/(pairs+1)')
  t.equal(w.idNumber.exact, Math.round(Math.log2(0.95 * 4_000) * 10) / 10)
  t.equal(w.riderId.exact, Math.round(Math.log2(0.98 * 1_000) * 10) / 10)
  t.ok(w.mobile.different < 0 && w.mobile.exact > 0)
  t.ok(Object.values(w.idNumber).every(Number.isFinite))
  t.same(estimateWeights(startingWeights, [], { roster: 0, party: 0 }, 3), {
    ...startingWeights,
    version: 3,
  })
})

t.test('the command stores a new version and evidence records it', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.a', 'county', '350102')
  const names = ['张伟', '李强', '王芳', '赵敏', '钱七', '孙八', '周九', '吴十', '郑一', '冯二']
  const lines = [
    '姓名,手机号,所在党组织,行政区划代码',
    ...names.map((name, i) => `${name},1380000${String(1000 + i)},鼓楼区某支部,350102`),
  ]
  const body = multipartFile(lines.join('\n'))
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/registers/party_list/imports',
    headers: { ...body.headers, ...county.auth },
    payload: body.payload,
  })
  t.equal(res.statusCode, 201)
  const { weights, note } = await reestimateWeights(app.db, { pairs: 100 })
  t.equal(weights.version, 2)
  t.match(note, /党员名单 10 行/)
  const stored = await app.db
    .selectFrom('linkage_weights')
    .select(['version', 'note'])
    .orderBy('version')
    .execute()
  t.same(
    stored.map((row) => row.version),
    [1, 2],
  )
  const user = await app.db
    .insertInto('users')
    .values({ role: 'user', kind: 'rider', openid: 'o-weights' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const entry = await app.db
    .insertInto('memberships')
    .values({
      user_id: user.id,
      kind: 'rider',
      state: 'submitted',
      form: { kind: 'rider', riderId: 'MT-W', platform: 'meituan' },
      name: '张伟',
      region_code: '350102',
      region_path: '350000.350100.350102',
      platform: 'meituan',
      rider_id_norm: 'MT-W',
      queued_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  t.equal(await recomputeEvidence(app.db, { membershipIds: [entry.id] }), 1)
  const row = await app.db
    .selectFrom('memberships')
    .select('evidence')
    .where('id', '=', entry.id)
    .executeTakeFirstOrThrow()
  t.equal(row.evidence?.weightsVersion, 2)
})
