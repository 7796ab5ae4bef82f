import t from 'tap'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import {
  consentingUser,
  operatorForm,
  riderForm,
  submitMembership,
} from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

type App = Awaited<ReturnType<typeof buildTestApp>>

const queue = (app: App, staff: Account, query = '') =>
  app.inject({ url: `/api/v1/review/memberships${query}`, headers: staff.auth })

const decideOn = (app: App, staff: Account, id: string, payload: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/review/memberships/${id}/decision`,
    headers: staff.auth,
    payload,
  })

/** Riders in 鼓楼区 (350102) and 思明区 (350203), submitted in this order. */
async function ridersIn(app: App, regions: string[]) {
  const ids: string[] = []
  for (const [i, region] of regions.entries()) {
    const rider = await consentingUser(app, `rider-${i}`)
    const form = riderForm({ workRegionCode: region, riderId: `MT-${i}`, name: `骑手${i}号` })
    ids.push((await submitMembership(app, rider, form)).id)
  }
  return ids
}

t.test('each staff member sees their own subtree only, oldest first, page by page', async (t) => {
  const app = await buildTestApp(t)
  const ids = await ridersIn(app, ['350102', '350203', '350102', '350102', '350203'])
  const countyA = await signInStaff(app, 'county.a', 'county', '350102')
  const countyB = await signInStaff(app, 'county.b', 'county', '350203')
  const city = await signInStaff(app, 'city.fz', 'city', '350100')
  const province = await signInStaff(app, 'prov', 'province', '350000')
  const idsOf = async (staff: Account, query = '') =>
    (await queue(app, staff, query)).json().items.map((item: { id: string }) => item.id)
  t.same(await idsOf(countyA), [ids[0], ids[2], ids[3]])
  t.same(await idsOf(countyB), [ids[1], ids[4]])
  t.same(await idsOf(city), [ids[0], ids[2], ids[3]], '福州市 holds 鼓楼区, not 思明区 (厦门)')
  t.same(await idsOf(province), ids)
  const outside = await app.inject({
    url: `/api/v1/review/memberships/${ids[1]}`,
    headers: countyA.auth,
  })
  t.equal(outside.statusCode, 404, 'outside the jurisdiction it does not exist')

  const seen: string[] = []
  let after: string | null = null
  do {
    const page = await queue(app, province, `?limit=2${after ? `&after=${after}` : ''}`)
    t.ok(page.json().items.length <= 2)
    seen.push(...page.json().items.map((item: { id: string }) => item.id))
    after = page.json().next
  } while (after)
  t.same(seen, ids, 'keyset pages cover everything once, in order')
  const bad = await queue(app, province, '?after=garbage')
  t.equal(bad.statusCode, 400)
})

t.test('filters by kind, platform, state and evidence strength', async (t) => {
  const app = await buildTestApp(t)
  const [riderId] = await ridersIn(app, ['350102'])
  const operator = await consentingUser(app, 'op')
  const op = await submitMembership(app, operator, operatorForm())
  const staff = await signInStaff(app, 'county.f', 'county', '350102')
  const count = async (query: string) => (await queue(app, staff, query)).json().items.length
  t.equal(await count('?kind=operator'), 1)
  t.equal(await count('?kind=rider&platform=meituan'), 1)
  t.equal(await count('?platform=eleme'), 0)
  t.equal(await count('?state=verified'), 0)
  await app.db
    .updateTable('memberships')
    .set({ evidence_strength: 'strong' })
    .where('id', '=', op.id)
    .execute()
  t.equal(await count('?strength=strong'), 1)
  t.equal(await count('?strength=none'), 1)
  const detail = await app.inject({
    url: `/api/v1/review/memberships/${riderId}`,
    headers: staff.auth,
  })
  t.equal(detail.json().mobileMasked, '138****5678')
  t.equal(detail.json().form.riderId, 'MT-0')
  t.notOk('mobile' in detail.json().form)
})

t.test(
  'the queue waits on submitted, resubmitted and asked entries; `all` lists every one decided too',
  async (t) => {
    const app = await buildTestApp(t)
    const [asked, verified, rejected, waiting] = await ridersIn(app, [
      '350102',
      '350102',
      '350102',
      '350102',
    ])
    const draft = await consentingUser(app, 'draft')
    await app.inject({
      method: 'POST',
      url: '/api/v1/memberships',
      headers: draft.auth,
      payload: { action: 'save', form: riderForm({ riderId: 'MT-D' }) },
    })
    const staff = await signInStaff(app, 'county.s', 'county', '350102')
    const decide = async (id: string | undefined, decision: string) =>
      decideOn(app, staff, id ?? '', { decision, version: 1, note: '请补充截图' })
    t.equal((await decide(asked, 'ask')).statusCode, 200)
    t.equal((await decide(verified, 'verify')).statusCode, 200)
    t.equal((await decide(rejected, 'reject')).statusCode, 200)
    const idsOf = async (query: string) =>
      (await queue(app, staff, query)).json().items.map((item: { id: string }) => item.id)
    t.same(await idsOf(''), [asked, waiting], 'by default: waiting, the asked one included')
    t.same(await idsOf('?state=waiting'), [asked, waiting])
    t.same(await idsOf('?state=submitted'), [waiting])
    t.same(await idsOf('?state=all'), [asked, verified, rejected, waiting], 'never the draft')
    t.equal((await queue(app, staff, '?state=draft')).statusCode, 400)
  },
)

t.test(
  'ask, answer, verify, revoke: the member sees each step, who decided but no name',
  async (t) => {
    const app = await buildTestApp(t)
    const rider = await consentingUser(app, 'decided')
    const { id } = await submitMembership(app, rider, riderForm())
    const staff = await signInStaff(app, 'county.d', 'county', '350102')
    const station = await signInStaff(app, 'station.d', 'station', '350102')
    let version = (
      await app.inject({ url: `/api/v1/review/memberships/${id}`, headers: staff.auth })
    ).json().version
    t.equal((await decideOn(app, station, id, { decision: 'verify', version })).statusCode, 403)
    const noReason = await decideOn(app, staff, id, { decision: 'ask', version })
    t.equal(noReason.statusCode, 400)
    t.equal(noReason.json().error.fields[0].field, 'body.note')
    const asked = await decideOn(app, staff, id, {
      decision: 'ask',
      note: '请补充站点名称',
      version,
    })
    t.equal(asked.json().state, 'needs_info')
    const stale = await decideOn(app, staff, id, { decision: 'verify', version })
    t.equal(stale.statusCode, 409, 'a decision on a stale version is refused')
    const mine = (await app.inject({ url: '/api/v1/memberships/mine', headers: rider.auth })).json()
    t.equal(mine.membership.question, '请补充站点名称')
    t.equal(mine.membership.timeline[0].actor, '鼓楼区县级工作人员')
    t.notMatch(JSON.stringify(mine), 'county.d')
    await app.inject({
      method: 'POST',
      url: '/api/v1/memberships',
      headers: rider.auth,
      payload: { action: 'submit', form: riderForm(), answer: '鼓楼东街站' },
    })
    version = (
      await app.inject({ url: `/api/v1/review/memberships/${id}`, headers: staff.auth })
    ).json().version
    const verified = await decideOn(app, staff, id, { decision: 'verify', version })
    t.equal(verified.json().state, 'verified')
    const revoked = await decideOn(app, staff, id, {
      decision: 'revoke',
      note: '已转出组织关系',
      version: verified.json().version,
    })
    t.equal(revoked.json().state, 'revoked')
    const again = await decideOn(app, staff, id, {
      decision: 'verify',
      version: revoked.json().version,
    })
    t.equal(again.statusCode, 409)
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', '=', id)
      .orderBy('id')
      .execute()
    t.same(
      audit.map((row) => row.action),
      ['membership.ask', 'membership.verify', 'membership.revoke'],
    )
    const final = (
      await app.inject({ url: '/api/v1/memberships/mine', headers: rider.auth })
    ).json()
    t.equal(final.membership.state, 'revoked')
    t.same(
      final.membership.timeline.map((e: { action: string }) => e.action),
      ['revoked', 'verified', 'answered', 'asked', 'submitted'],
    )
  },
)

t.test('a full value is revealed only with a reason, and the reveal is audited', async (t) => {
  const app = await buildTestApp(t)
  const rider = await consentingUser(app, 'revealed')
  const { id } = await submitMembership(app, rider, riderForm())
  const staff = await signInStaff(app, 'county.r', 'county', '350102')
  const other = await signInStaff(app, 'county.x', 'county', '350203')
  const url = `/api/v1/review/memberships/${id}/reveal`
  const noReason = await app.inject({
    method: 'POST',
    url,
    headers: staff.auth,
    payload: { field: 'mobile' },
  })
  t.equal(noReason.statusCode, 400)
  t.equal(noReason.json().error.fields[0].field, 'body.reason')
  const outside = await app.inject({
    method: 'POST',
    url,
    headers: other.auth,
    payload: { field: 'mobile', reason: '核对本人身份' },
  })
  t.equal(outside.statusCode, 404)
  const shown = await app.inject({
    method: 'POST',
    url,
    headers: staff.auth,
    payload: { field: 'mobile', reason: '电话核实本人身份' },
  })
  t.same(shown.json(), { field: 'mobile', value: '13812345678' })
  const rows = await app.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'membership.reveal')
    .execute()
  t.equal(rows.length, 1)
  t.same(rows[0]?.detail, { field: 'mobile', reason: '电话核实本人身份' })
  t.equal(rows[0]?.region_path, '350000.350100.350102')
})

t.test('bulk approval takes only entries two registers confirm, each audited', async (t) => {
  const app = await buildTestApp(t)
  const ids = await ridersIn(app, ['350102', '350102', '350102'])
  const [strong, oneSource, weak] = ids as [string, string, string]
  await app.db
    .updateTable('memberships')
    .set({ evidence_strength: 'strong', evidence_sources: 2 })
    .where('id', '=', strong)
    .execute()
  await app.db
    .updateTable('memberships')
    .set({ evidence_strength: 'moderate', evidence_sources: 1 })
    .where('id', '=', oneSource)
    .execute()
  const staff = await signInStaff(app, 'county.b2', 'county', '350102')
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/review/memberships/bulk-verify',
    headers: staff.auth,
    payload: { ids: [strong, oneSource, weak, '00000000-0000-4000-8000-000000000000'] },
  })
  t.same(res.json().verified, [strong])
  t.same(
    res.json().skipped.map((item: { id: string }) => item.id),
    [oneSource, weak, '00000000-0000-4000-8000-000000000000'],
  )
  const audit = await app.db
    .selectFrom('audit_log')
    .select(['target_id', 'detail'])
    .where('action', '=', 'membership.verify')
    .execute()
  t.same(
    audit.map((row) => row.target_id),
    [strong],
  )
  t.same(audit[0]?.detail, { from: 'submitted', to: 'verified', bulk: true })
})
