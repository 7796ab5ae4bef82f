import t from 'tap'
import { signInStaff, signInUser } from './fixtures/accounts.ts'
import { activityInput, member, place, publish, signUp } from './fixtures/activities.ts'
import { branchInput, placeInput } from './fixtures/matrix-places.ts'
import { buildTestApp } from './helper.ts'

const HOUR = 60 * 60 * 1000

t.test('members find activities, sign up within capacity and the audience', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  let now = new Date('2026-07-01T01:00:00Z')
  app.clock = () => now
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString()
  const county = await signInStaff(app, 'mem.county', 'county', '350102')
  const branch = await place(app, county, branchInput())
  const near = await place(app, county, placeInput({ location: { lat: 26.0865, lng: 119.2965 } }))
  const far = await place(
    app,
    county,
    placeInput({ name: '远处驿站', location: { lat: 26.1665, lng: 119.2965 } }),
  )
  const open = (placeId: string, hours: number, overrides: Record<string, unknown> = {}) =>
    publish(
      app,
      county,
      activityInput(placeId, { startsAt: at(hours), endsAt: at(hours + 2), ...overrides }),
    )
  const later = await open(near.id, 48, { title: '近处的后天活动' })
  const soon = await open(near.id, 24, { title: '近处的明天活动', capacity: 1 })
  const distant = await open(far.id, 12, { title: '远处的活动' })
  const branchOnly = await open(branch.id, 24, {
    title: '支部党员大会',
    kind: 'general_meeting',
    audience: 'branch',
    branchId: branch.id,
  })

  const alice = await member(app, 'mem-alice')
  const bob = await member(app, 'mem-bob')
  const nearby = async (account = alice, query = 'lat=26.0865&lng=119.2965&radius=5000') =>
    app.inject({ url: `/api/v1/activities/nearby?${query}`, headers: account.auth })
  const titles = (res: { json(): { items: { title: string }[] } }) =>
    res.json().items.map((item) => item.title)
  t.same(
    titles(await nearby()),
    ['近处的明天活动', '近处的后天活动'],
    'within 5 km, soonest first; the branch-only one is not open to alice',
  )
  t.same(
    titles(await nearby(alice, 'lat=26.0865&lng=119.2965&radius=20000')),
    ['近处的明天活动', '近处的后天活动', '远处的活动'],
    'nearest band first, then soonest',
  )
  const stranger = await signInUser(app, 'mem-unverified')
  t.same((await nearby(stranger)).json().items, [], 'nothing is open to an unverified user')
  t.equal((await signUp(app, stranger, soon.id)).statusCode, 403)

  t.equal((await signUp(app, alice, soon.id)).statusCode, 204)
  const again = await signUp(app, alice, soon.id)
  t.equal(again.statusCode, 409)
  t.equal(again.json().error.message, '您已报名该活动')
  const full = await signUp(app, bob, soon.id)
  t.equal(full.statusCode, 409)
  t.equal(full.json().error.message, '活动名额已满')
  const withdraw = (account = alice, id = soon.id) =>
    app.inject({ method: 'DELETE', url: `/api/v1/activities/${id}/signup`, headers: account.auth })
  t.equal((await withdraw()).statusCode, 204)
  t.equal((await withdraw()).statusCode, 404, 'nothing left to withdraw')
  t.equal((await signUp(app, bob, soon.id)).statusCode, 204, 'the freed place goes to bob')
  t.equal((await signUp(app, alice, soon.id)).statusCode, 409, 'and is full again')
  const rows = await app.db
    .selectFrom('activity_signups')
    .select(['state'])
    .where('activity_id', '=', soon.id)
    .orderBy('created_at')
    .execute()
  t.same(
    rows.map((row) => row.state),
    ['withdrawn', 'active'],
    'one row per member',
  )

  // Two members racing for the last place of a one-place activity: one gets it.
  const race = await open(near.id, 30, { title: '抢名额', capacity: 1 })
  const racing = await Promise.all([signUp(app, alice, race.id), signUp(app, bob, race.id)])
  t.same(racing.map((res) => res.statusCode).sort(), [204, 409])

  const refused = await signUp(app, alice, branchOnly.id)
  t.equal(refused.statusCode, 403, 'alice has not checked in at the branch')
  t.match(refused.json().error.message, '本支部已报到')
  const checkin = await app.inject({
    method: 'POST',
    url: `/api/v1/places/${branch.id}/checkins`,
    headers: alice.auth,
    payload: { note: '报到' },
  })
  t.equal(
    (await signUp(app, alice, branchOnly.id)).statusCode,
    403,
    'a pending check-in is not enough',
  )
  const approved = await app.inject({
    method: 'POST',
    url: `/api/v1/review/checkins/${checkin.json().id}/decision`,
    headers: county.auth,
    payload: { decision: 'approve' },
  })
  t.equal(approved.statusCode, 200)
  t.equal((await signUp(app, alice, branchOnly.id)).statusCode, 204, 'checked in: she may come')
  t.ok(titles(await nearby()).includes('支部党员大会'), 'now it is open to her nearby')
  t.notOk(titles(await nearby(bob)).includes('支部党员大会'), 'still not to bob')

  const onBranch = await app.inject({
    url: `/api/v1/places/${branch.id}/activities`,
    headers: bob.auth,
  })
  t.match(onBranch.json().items, [
    { title: '支部党员大会', openToMe: false, signedUpByMe: false, signedUp: 1 },
  ])

  // Started: no sign-up, no withdrawal; the member's point was never stored.
  now = new Date(now.getTime() + 13 * HOUR)
  const started = await signUp(app, alice, distant.id)
  t.equal(started.statusCode, 409)
  t.equal(started.json().error.message, '活动已开始，不能再报名')
  t.equal((await signUp(app, alice, later.id)).statusCode, 204)
  const mine = (await app.inject({ url: '/api/v1/activities/mine', headers: alice.auth })).json()
  t.same(
    mine.items.map((item: { title: string }) => item.title),
    ['近处的后天活动', '抢名额', '支部党员大会'].filter((title) =>
      racing[0]?.statusCode === 204 ? true : title !== '抢名额',
    ),
    'my sign-ups, latest start first',
  )
})

t.test(
  'one activity for a member: open to them, their sign-up, distance; hidden once cancelled',
  async (t) => {
    const app = await buildTestApp(t)
    await app.ready()
    const now = new Date('2026-07-01T01:00:00Z')
    app.clock = () => now
    const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString()
    const county = await signInStaff(app, 'one.county', 'county', '350102')
    const venue = await place(
      app,
      county,
      placeInput({ location: { lat: 26.0865, lng: 119.2965 } }),
    )
    const branch = await place(app, county, branchInput())
    const open = await publish(
      app,
      county,
      activityInput(venue.id, { startsAt: at(24), endsAt: at(26) }),
    )
    const branchOnly = await publish(
      app,
      county,
      activityInput(branch.id, {
        startsAt: at(30),
        endsAt: at(32),
        audience: 'branch',
        branchId: branch.id,
        kind: 'general_meeting',
      }),
    )
    const alice = await member(app, 'one-alice')
    const one = (account: { auth: Record<string, string> }, id: string, query = '') =>
      app.inject({ url: `/api/v1/activities/${id}${query}`, headers: account.auth })

    const before = await one(alice, open.id, '?lat=26.0955&lng=119.2965')
    t.equal(before.statusCode, 200)
    t.match(before.json(), {
      id: open.id,
      openToMe: true,
      signedUpByMe: false,
      attendedAt: null,
      signedUp: 0,
    })
    // 0.009° of latitude is about 1 km.
    t.ok(Math.abs(before.json().distance - 1001) < 5, `about 1 km (${before.json().distance} m)`)
    t.equal((await one(alice, open.id)).json().distance, null, 'no point, no distance')
    t.match((await one(alice, branchOnly.id)).json(), { openToMe: false }, 'shown, not open to her')

    t.equal((await signUp(app, alice, open.id)).statusCode, 204)
    t.match((await one(alice, open.id)).json(), { signedUpByMe: true, signedUp: 1 })

    const cancel = (id: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/staff/activities/${id}/cancel`,
        headers: county.auth,
        payload: { reason: '场地临时不可用' },
      })
    t.equal((await cancel(open.id)).statusCode, 200)
    t.match(
      (await one(alice, open.id)).json(),
      { state: 'cancelled', signedUpByMe: true },
      'cancelled: still hers to read, since she had signed up',
    )
    t.equal((await cancel(branchOnly.id)).statusCode, 200)
    t.equal((await one(alice, branchOnly.id)).statusCode, 404, 'cancelled and never hers: gone')
    t.equal((await one(alice, '00000000-0000-4000-8000-000000000000')).statusCode, 404)
    t.equal((await one(alice, 'not-a-uuid')).statusCode, 400)
  },
)
