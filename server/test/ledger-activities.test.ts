import { chinaYear } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { member, publish, signUp } from './fixtures/activities.ts'
import { buildTestApp } from './helper.ts'

const MINUTE = 60_000

/** A training session (培训班) at an address in 鼓楼区, starting `fromNow` ms from now. */
const training = (fromNow: number, title = '新就业群体党员培训班') => {
  const start = Date.now() + fromNow
  return {
    title,
    kind: 'training',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 120 * MINUTE).toISOString(),
    venue: {
      address: '鼓楼区党群服务中心',
      regionCode: '350102',
      location: { lat: 26.08, lng: 119.3 },
    },
    capacity: 50,
    audience: 'nearby',
  }
}

async function ledgerOf(app: FastifyInstance, who: Account, region: string) {
  const res = await app.inject({ url: `/api/v1/ledgers?region=${region}`, headers: who.auth })
  if (res.statusCode !== 200) throw new Error(`ledger ${region}: ${res.body}`)
  return res.json()
}

t.test('the ledger counts activities, and a training session of 30 meets the target', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'ledger.act.county', 'county', '350102')
  const city = await signInStaff(app, 'ledger.act.city', 'city', '350100')
  const year = chinaYear()
  const before = await ledgerOf(app, county, '350102')
  t.match(before.activities, { year, activities: 0, signups: 0, attendances: 0, members: 0 })
  t.match(before.work.total.training, { activitySessions: 0, countiesMeetingTarget: 0 })

  const session = await publish(app, county, training(30 * MINUTE))
  // Next year's session is next year's: not in this year's ledger.
  await publish(app, county, training(400 * 24 * 60 * MINUTE, '明年的培训班'))
  const people = []
  // One in three is not a flow member (流动党员): 20 of the 30 are.
  for (let n = 0; n < 30; n += 1)
    people.push(await member(app, `trainee-${n}`, { flowMember: n % 3 !== 0 }))
  for (const person of people) t.equal((await signUp(app, person, session.id)).statusCode, 204)
  const detail = await app.inject({
    url: `/api/v1/staff/activities/${session.id}`,
    headers: county.auth,
  })
  const signups = detail.json().signups as { membershipId: string }[]
  const tick = (membershipId: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/staff/activities/${session.id}/attendances`,
      headers: county.auth,
      payload: { membershipId, reason: '现场签到' },
    })
  for (const signup of signups.slice(0, 29))
    t.equal((await tick(signup.membershipId)).statusCode, 201)

  const short = await ledgerOf(app, county, '350102')
  t.match(short.activities, { activities: 1, signups: 30, attendances: 29, members: 29 })
  const kind = short.activities.byKind.find((row: { kind: string }) => row.kind === 'training')
  t.match(kind, { label: '培训班', activities: 1, signups: 30, attendances: 29 })
  t.match(
    short.work.total.training,
    { activitySessions: 0, activityPeople: 0, countiesMeetingTarget: 0 },
    '29 signed in fall short',
  )

  const last = signups[29]
  t.ok(last)
  t.equal((await tick(last?.membershipId ?? '')).statusCode, 201)
  const met = await ledgerOf(app, county, '350102')
  t.match(met.activities, { attendances: 30, members: 30, flowMembers: 20 })
  // A registration changed afterwards does not move who attended as a flow member.
  await sql`update memberships set form = form || '{"flowMember": false}'
    where form->>'flowMember' = 'true'`.execute(app.db)
  const later = await ledgerOf(app, county, '350102')
  t.match(later.activities, { members: 30, flowMembers: 20 }, 'kept as it was when they attended')
  const flowList = await app.inject({
    url: '/api/v1/ledgers/activity-members?region=350102&who=flow&limit=100',
    headers: county.auth,
  })
  t.equal(flowList.statusCode, 200)
  t.equal(flowList.json().items.length, 20, 'the figure of 20 opens a list of 20')
  t.ok(
    flowList.json().items.every((row: { flowAttended: number }) => row.flowAttended === 1),
    'each attended once as a flow member',
  )
  const everyone = await app.inject({
    url: '/api/v1/ledgers/activity-members?region=350102&limit=100',
    headers: county.auth,
  })
  t.equal(everyone.json().items.length, 30)
  t.match(
    met.work.total.training,
    { sessions: 0, activitySessions: 1, activityPeople: 30, countiesMeetingTarget: 1 },
    'the 30th meets the target, beside no session entered by hand',
  )
  const cityLedger = await ledgerOf(app, city, '350100')
  const gulou = cityLedger.work.children.find(
    (row: { region: { code: string } }) => row.region.code === '350102',
  )
  t.match(gulou.training, { activitySessions: 1, countiesMeetingTarget: 1 })
  t.match(cityLedger.work.total.training, { activitySessions: 1, countiesMeetingTarget: 1 })
  t.match(cityLedger.activities, { activities: 1, attendances: 30, members: 30, flowMembers: 20 })

  const cancelled = await app.inject({
    method: 'POST',
    url: `/api/v1/staff/activities/${session.id}/cancel`,
    headers: county.auth,
    payload: { reason: '场地临时无法使用' },
  })
  t.equal(cancelled.statusCode, 200)
  const after = await ledgerOf(app, county, '350102')
  t.match(after.activities, {
    activities: 0,
    signups: 0,
    attendances: 0,
    members: 0,
    flowMembers: 0,
  })
  t.match(after.work.total.training, { activitySessions: 0, countiesMeetingTarget: 0 })
})
