import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { branchInput, placeInput, verifiedMember } from './fixtures/matrix-places.ts'
import { consentingUser, riderForm, submitMembership } from './fixtures/memberships.ts'
import { buildTestApp } from './helper.ts'

const NEARBY = '/api/v1/places/nearby?lat=26.0865&lng=119.2965'

async function create(app: FastifyInstance, staff: Account, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v1/places', headers: staff.auth, payload })
}

t.test('staff keep places in their jurisdiction', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const station = await signInStaff(app, 'place.station', 'station', '350102')
  const siming = await signInStaff(app, 'place.siming', 'county', '350203')

  const res = await create(app, station, placeInput({ facilities: ['water', 'toilet'] }))
  t.equal(res.statusCode, 201, res.body)
  const place = res.json()
  t.match(place, {
    name: '矩阵测试爱心驿站',
    regionName: '鼓楼区',
    status: 'open',
    openNow: true,
    always: true,
    facilities: ['water', 'toilet'],
  })
  t.match(place.code, /^[0-9A-Za-z]{1,32}$/, 'code from the scene alphabet, at most 32')
  const second = (await create(app, station, placeInput({ name: '第二个' }))).json()
  let shared = 0
  while (place.code[shared] === second.code[shared]) shared++
  t.ok(shared <= 3, `consecutive codes share no long prefix (${place.code}, ${second.code})`)
  t.equal((await app.inject(`/api/v1/places/code/${place.code}`)).json().id, place.id)
  t.equal((await app.inject(`/api/v1/places/${place.id}`)).statusCode, 200)

  const outside = await create(app, siming, placeInput({ name: '越界' }))
  t.equal(outside.statusCode, 403)
  t.same(
    outside.json().error.fields.map((f: { field: string }) => f.field),
    ['body.regionCode'],
  )
  const city = await create(app, station, placeInput({ regionCode: '350100' }))
  t.equal(city.statusCode, 400)
  t.same(
    city.json().error.fields.map((f: { field: string }) => f.field),
    ['body.regionCode'],
  )
  const noBranch = await create(app, station, placeInput({ kind: 'flow_branch' }))
  t.equal(noBranch.statusCode, 400)

  const edit = (staff: Account, payload: Record<string, unknown>) =>
    app.inject({ method: 'PATCH', url: `/api/v1/places/${place.id}`, headers: staff.auth, payload })
  t.equal((await edit(siming, { status: 'suspended' })).statusCode, 404, 'outside: not found')
  const renamed = await edit(station, {
    place: placeInput({
      name: '改名驿站',
      hours: { always: false, days: [[{ open: '08:00', close: '09:00' }], [], [], [], [], [], []] },
    }),
  })
  t.equal(renamed.statusCode, 200)
  t.match(renamed.json(), { name: '改名驿站', always: false, code: place.code })
  const hours = await app.db
    .selectFrom('place_hours')
    .selectAll()
    .where('place_id', '=', place.id)
    .execute()
  t.match(hours, [{ weekday: 0, open_min: 480, close_min: 540 }])

  const names = async () =>
    (await app.inject(NEARBY)).json().items.map((item: { name: string }) => item.name)
  t.ok((await names()).includes('改名驿站'))
  t.equal((await edit(station, { status: 'suspended' })).json().status, 'suspended')
  t.notOk((await names()).includes('改名驿站'), 'a suspended place leaves nearby at once')
  t.equal((await app.inject(`/api/v1/places/${place.id}`)).statusCode, 404)
  t.equal((await app.inject(`/api/v1/places/code/${place.code}`)).statusCode, 404)
  const search = await app.inject('/api/v1/places?region=350102&q=改名')
  t.same(search.json().items, [], 'nor is it found by search')
  const staffList = await app.inject({ url: '/api/v1/staff/places?q=改名', headers: station.auth })
  t.match(staffList.json().items, [{ name: '改名驿站', status: 'suspended' }], 'staff still see it')
  const staffDetail = await app.inject({
    url: `/api/v1/staff/places/${place.id}`,
    headers: station.auth,
  })
  t.equal(staffDetail.json().status, 'suspended', 'staff open a suspended place to edit it')
  const simingDetail = await app.inject({
    url: `/api/v1/staff/places/${place.id}`,
    headers: siming.auth,
  })
  t.equal(simingDetail.statusCode, 404)
  const simingList = await app.inject({ url: '/api/v1/staff/places', headers: siming.auth })
  t.same(simingList.json().items, [], 'other counties do not')
  await edit(station, { status: 'open' })
  t.ok((await names()).includes('改名驿站'), 'reopened')

  const byName = await app.inject('/api/v1/places?region=350100&q=第二')
  t.same(
    byName.json().items.map((item: { name: string }) => item.name),
    ['第二个'],
  )
  t.same((await app.inject('/api/v1/places?region=350203')).json().items, [])

  const audit = await app.db
    .selectFrom('audit_log')
    .select(['action', 'target_id', 'actor_id'])
    .where('action', 'like', 'place.%')
    .orderBy('id')
    .execute()
  t.same(
    audit.map((row) => row.action),
    ['place.create', 'place.create', 'place.update', 'place.update', 'place.update'],
  )
  t.equal(audit[0]?.actor_id, station.id)
})

t.test('check-in at a flow-member branch', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const county = await signInStaff(app, 'checkin.county', 'county', '350102')
  const siming = await signInStaff(app, 'checkin.siming', 'county', '350203')
  const branch = (await create(app, county, branchInput())).json()
  const station = (await create(app, county, placeInput())).json()
  const checkIn = (account: Account, placeId = branch.id) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/places/${placeId}/checkins`,
      headers: account.auth,
      payload: { note: '我在鼓楼区送外卖' },
    })

  const applicant = await consentingUser(app, 'checkin-unverified')
  await submitMembership(app, applicant, riderForm({ mobile: '13812340000' }))
  const refused = await checkIn(applicant)
  t.equal(refused.statusCode, 403, 'a member not yet verified may not check in')
  t.match(refused.json().error.message, '核验')

  const member = await verifiedMember(app, 'checkin-member')
  t.equal((await checkIn(member, station.id)).statusCode, 400, 'a care station takes no check-ins')
  const applied = await checkIn(member)
  t.equal(applied.statusCode, 201, applied.body)
  t.match(applied.json(), {
    placeName: '矩阵测试流动党员党支部',
    memberName: '王小明',
    state: 'pending',
  })
  t.equal((await checkIn(member)).statusCode, 409, 'one open check-in per branch')
  const other = (await create(app, county, branchInput({ name: '第二支部' }))).json()
  const racing = await Promise.all([checkIn(member, other.id), checkIn(member, other.id)])
  t.same(
    racing.map((res) => res.statusCode).sort(),
    [201, 409],
    'two at once: one check-in, one conflict',
  )

  const queue = await app.inject({
    url: '/api/v1/review/checkins?state=pending',
    headers: county.auth,
  })
  t.equal(queue.json().items.length, 2, 'both pending check-ins, oldest first')
  t.equal(queue.json().items[0].id, applied.json().id)
  t.notOk(queue.body.includes('13812345678'), 'no mobile number shown to staff')
  t.same(
    (await app.inject({ url: '/api/v1/review/checkins', headers: siming.auth })).json().items,
    [],
  )

  const decide = (staff: Account, payload: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/review/checkins/${applied.json().id}/decision`,
      headers: staff.auth,
      payload,
    })
  t.equal((await decide(siming, { decision: 'approve' })).statusCode, 404)
  t.equal((await decide(county, { decision: 'decline' })).statusCode, 400, 'a reason is required')
  const approved = await decide(county, { decision: 'approve' })
  t.equal(approved.statusCode, 200)
  t.equal(approved.json().state, 'approved')
  t.equal((await decide(county, { decision: 'approve' })).statusCode, 409)

  const mine = await app.inject({ url: '/api/v1/checkins/mine', headers: member.auth })
  const approvedMine = mine
    .json()
    .items.find((item: { placeId: string }) => item.placeId === branch.id)
  t.match(approvedMine, { state: 'approved' }, '已报到')
  t.ok(approvedMine.decidedAt)
  const audit = await app.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id'])
    .where('action', 'like', 'checkin.%')
    .orderBy('id')
    .execute()
  t.same(audit, [
    { action: 'checkin.create', actor_id: member.id },
    { action: 'checkin.create', actor_id: member.id },
    { action: 'checkin.decide', actor_id: county.id },
  ])
})
