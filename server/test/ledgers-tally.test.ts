import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { recount } from '../src/ledgers/ledgers.repository.ts'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { type DifficultyOp, difficultyStep } from './fixtures/difficulty-steps.ts'
import { placeInput } from './fixtures/matrix-places.ts'
import {
  consentingUser,
  marketOpenerForm,
  operatorForm,
  residentId,
  riderForm,
  submitMembership,
  uscc,
} from './fixtures/memberships.ts'
import { deviceToken, pledgeContent } from './fixtures/pledges.ts'
import { buildTestApp } from './helper.ts'

const COUNTIES = ['350102', '350103', '350203'] as const

type Op =
  | {
      op: 'register'
      kind: 'rider' | 'operator' | 'market_opener'
      county: number
      variant: number
    }
  | { op: 'decide'; who: number; decision: 'verify' | 'reject' | 'ask' | 'revoke' }
  | { op: 'withdraw' | 'cancel' | 'pledge' | 'rate'; who: number }
  | { op: 'place'; county: number; variant: number }
  | { op: 'suspendPlace'; which: number }
  | { op: 'site'; county: number; variant: number }
  | { op: 'editSite' | 'closeSite' | 'reopenSite'; which: number; variant: number }
  | { op: 'activity'; county: number; variant: number }
  | { op: 'signup' | 'unsignup' | 'attend'; who: number; which: number }
  | { op: 'cancelActivity' | 'crowd' | 'thin' | 'moveActivity'; which: number; variant: number }
  | { op: 'supervise'; who: number; county: number }
  | { op: 'superviseOutcome'; which: number; variant: number }
  | DifficultyOp

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('register' as const),
      kind: fc.constantFrom('rider', 'operator', 'market_opener'),
      county: fc.nat(2),
      variant: fc.nat(5),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('decide' as const),
      who: fc.nat(30),
      decision: fc.constantFrom('verify', 'verify', 'reject', 'ask', 'revoke'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom(
        'withdraw' as const,
        'cancel' as const,
        'pledge' as const,
        'rate' as const,
      ),
      who: fc.nat(30),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('place' as const),
      county: fc.nat(2),
      variant: fc.nat(5),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('suspendPlace' as const), which: fc.nat(10) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('site' as const),
      county: fc.nat(2),
      variant: fc.nat(5),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom('editSite' as const, 'closeSite' as const, 'reopenSite' as const),
      which: fc.nat(10),
      variant: fc.nat(5),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('activity' as const),
      county: fc.nat(2),
      variant: fc.nat(7),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constantFrom('signup' as const, 'unsignup' as const, 'attend' as const),
      who: fc.nat(30),
      which: fc.nat(10),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom(
        'cancelActivity' as const,
        'crowd' as const,
        'thin' as const,
        'moveActivity' as const,
      ),
      which: fc.nat(10),
      variant: fc.nat(5),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('supervise' as const),
      who: fc.nat(30),
      county: fc.nat(2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('superviseOutcome' as const),
      which: fc.nat(10),
      variant: fc.nat(5),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('difficulty' as const),
      who: fc.nat(30),
      county: fc.nat(2),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('difficultyStep' as const),
      which: fc.nat(10),
      variant: fc.nat(7),
      county: fc.nat(2),
    }),
  },
)

interface World {
  app: FastifyInstance
  staff: Account
  people: { account: Account; membershipId: string; pledgeCode?: string }[]
  places: string[]
  sites: { id: string; name: string }[]
  activities: string[]
  supervision: string[]
  difficulties: string[]
  serial: number
}

function formFor(op: Extract<Op, { op: 'register' }>, serial: number) {
  const county = COUNTIES[op.county] ?? '350102'
  const base = {
    mobile: `137${String(serial).padStart(8, '0')}`,
    idNumber: residentId(county, '19900101', String(serial % 1000).padStart(3, '0')),
  }
  if (op.kind === 'rider')
    return riderForm({
      ...base,
      workRegionCode: county,
      riderId: `R-${serial}`,
      platform: ['meituan', 'eleme', 'pupu'][op.variant % 3],
      memberType: op.variant % 2 ? 'full' : 'probationary',
      flowMember: op.variant % 3 === 0,
    })
  if (op.kind === 'operator')
    return operatorForm({
      ...base,
      workRegionCode: county,
      uscc: uscc(county, `MA2Y3K${String(serial).padStart(3, '0')}`),
      inMarket: op.variant % 2 === 0,
    })
  return marketOpenerForm({
    mobile: base.mobile,
    regionCode: county,
    stallCount: 10 + op.variant,
    memberStallOwnerCount: op.variant,
    orgForm: ['none', 'joint_branch', 'standalone_branch'][op.variant % 3],
    orgName: op.variant % 3 === 0 ? undefined : '市场党支部',
  })
}

/** One step as a user or staff would take it, through the API; refusals are fine. */
async function apply(world: World, op: Op): Promise<void> {
  const { app, staff } = world
  const person = 'who' in op ? world.people[op.who % Math.max(world.people.length, 1)] : undefined
  switch (op.op) {
    case 'register': {
      world.serial += 1
      const account = await consentingUser(app, `tally-${world.serial}`)
      const entry = await submitMembership(app, account, formFor(op, world.serial))
      world.people.push({ account, membershipId: entry.id })
      return
    }
    case 'decide': {
      if (!person) return
      const url = `/api/v1/review/memberships/${person.membershipId}`
      const current = await app.inject({ url, headers: staff.auth })
      if (current.statusCode !== 200) return
      const note = op.decision === 'verify' ? undefined : '属性测试'
      await app.inject({
        method: 'POST',
        url: `${url}/decision`,
        headers: staff.auth,
        payload: {
          decision: op.decision,
          version: current.json().version,
          ...(note ? { note } : {}),
        },
      })
      return
    }
    case 'withdraw':
      if (person)
        await app.inject({
          method: 'POST',
          url: '/api/v1/memberships/mine/withdraw',
          headers: person.account.auth,
        })
      return
    case 'cancel':
      if (person)
        await app.inject({ method: 'DELETE', url: '/api/v1/me', headers: person.account.auth })
      return
    case 'pledge': {
      if (!person) return
      const sent = await app.inject({
        method: 'POST',
        url: '/api/v1/pledges/mine',
        headers: person.account.auth,
        payload: { content: pledgeContent() },
      })
      if (sent.statusCode !== 201) return
      const pledge = sent.json()
      const decided = await app.inject({
        method: 'POST',
        url: `/api/v1/review/pledges/${pledge.id}/decision`,
        headers: staff.auth,
        payload: { versionId: pledge.versions[0].id, decision: 'approve' },
      })
      if (decided.statusCode === 200) person.pledgeCode = decided.json().code
      return
    }
    case 'rate':
      if (person?.pledgeCode)
        await app.inject({
          method: 'POST',
          url: `/api/v1/public/pledges/${person.pledgeCode}/ratings`,
          headers: { 'x-device-id': deviceToken(app) },
          payload: { score: 1 + (op.who % 5) },
        })
      return
    case 'place': {
      const facilities = [['water'], ['water', 'charging'], ['toilet', 'seats']][op.variant % 3]
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/places',
        headers: staff.auth,
        payload: placeInput({
          name: `统计驿站${world.places.length}`,
          regionCode: COUNTIES[op.county],
          facilities,
          location: { lat: 26.08 + op.variant / 100, lng: 119.29 },
        }),
      })
      if (res.statusCode === 201) world.places.push(res.json().id)
      return
    }
    case 'site':
    case 'editSite':
    case 'closeSite':
    case 'reopenSite':
      return applySiteOp(world, op)
    case 'activity':
    case 'signup':
    case 'unsignup':
    case 'attend':
    case 'cancelActivity':
    case 'crowd':
    case 'thin':
    case 'moveActivity':
      return applyActivityOp(world, op, person)
    case 'supervise':
    case 'superviseOutcome':
      return applySupervisionOp(world, op, person)
    case 'difficulty':
    case 'difficultyStep':
      return difficultyStep(app, staff, world.difficulties, COUNTIES, op, person?.account)
    case 'suspendPlace': {
      const id = world.places[op.which % Math.max(world.places.length, 1)]
      if (id)
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/places/${id}`,
          headers: staff.auth,
          payload: { status: 'suspended' },
        })
      return
    }
  }
}

/**
 * 监督共治: a member rider reports a merchant; staff find it upheld or not, hand it to a
 * department, or move it (转办) to another county, where it stays open and counts there.
 */
async function applySupervisionOp(
  world: World,
  op: Extract<Op, { op: 'supervise' | 'superviseOutcome' }>,
  person: World['people'][number] | undefined,
): Promise<void> {
  const { app, staff } = world
  if (op.op === 'supervise') {
    if (!person) return
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/supervision-reports',
      headers: person.account.auth,
      payload: {
        category: 'price',
        merchant: { name: '统计商家', address: '统计路1号', regionCode: COUNTIES[op.county] },
        text: '明码标价与结账金额不符',
      },
    })
    if (res.statusCode === 201) world.supervision.push(res.json().id)
    return
  }
  const id = world.supervision[op.which % Math.max(world.supervision.length, 1)]
  if (!id) return
  const payloads = [
    { outcome: 'upheld', note: '已责令整改' },
    { outcome: 'upheld', note: '已立案查处' },
    { outcome: 'unfounded', note: '现场未发现问题' },
    { outcome: 'referred', note: '移交', toDepartment: '县卫生健康局' },
    { outcome: 'referred', note: '属地管辖', toRegionCode: COUNTIES[op.variant % 3] },
    { outcome: 'referred', note: '属地管辖', toRegionCode: COUNTIES[(op.variant + 1) % 3] },
  ]
  await app.inject({
    method: 'POST',
    url: `/api/v1/staff/supervision-reports/${id}/outcome`,
    headers: staff.auth,
    payload: payloads[op.variant % payloads.length],
  })
}

/** A platform site as county staff would enter it; the variant picks platform and status. */
function siteFor(name: string, county: number, variant: number) {
  const orgForm = ['none', 'flow_branch', 'none', 'joint_branch'][variant % 4]
  return {
    platform: ['meituan', 'eleme', 'pupu'][variant % 3],
    name,
    regionCode: COUNTIES[county % COUNTIES.length],
    riderCount: variant === 5 ? undefined : 20 + variant,
    memberRiderCount: variant,
    orgForm,
    orgName: orgForm === 'none' ? undefined : '站点党支部',
    instructor: variant % 2 ? '指导员' : undefined,
  }
}

/** Creates, edits (maybe into another county), closes or reopens a platform site. */
async function applySiteOp(
  world: World,
  op: Extract<Op, { op: 'site' | 'editSite' | 'closeSite' | 'reopenSite' }>,
) {
  const { app, staff } = world
  if (op.op === 'site') {
    const name = `统计站点${world.sites.length}`
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/platform-sites',
      headers: staff.auth,
      payload: siteFor(name, op.county, op.variant),
    })
    if (res.statusCode === 201) world.sites.push({ id: res.json().id, name })
    return
  }
  const site = world.sites[op.which % Math.max(world.sites.length, 1)]
  if (!site) return
  const payload =
    op.op === 'editSite'
      ? { site: siteFor(site.name, op.which + op.variant, op.variant) }
      : { status: op.op === 'closeSite' ? 'closed' : 'active' }
  await app.inject({
    method: 'PATCH',
    url: `/api/v1/platform-sites/${site.id}`,
    headers: staff.auth,
    payload,
  })
}

const ACTIVITY_KINDS = ['training', 'theme_day', 'training', 'party_lecture']
const MINUTE = 60_000
const venue = (county: number, n: number) => ({
  address: `统计地址${n}号`,
  regionCode: COUNTIES[county % COUNTIES.length],
  location: { lat: 26.05 + n / 1000, lng: 119.28 },
})

/**
 * Activities through the API (publish, sign up, withdraw, tick by hand, cancel, move to
 * another county and year), and crowds of thirty-odd attendances written and deleted
 * directly, so training sessions cross the 30-people line both ways.
 */
async function applyActivityOp(
  world: World,
  op: Extract<
    Op,
    {
      op:
        | 'activity'
        | 'signup'
        | 'unsignup'
        | 'attend'
        | 'cancelActivity'
        | 'crowd'
        | 'thin'
        | 'moveActivity'
    }
  >,
  person: World['people'][number] | undefined,
) {
  const { app, staff } = world
  if (op.op === 'activity') {
    const n = world.activities.length
    const start = Date.now() + (30 + n) * MINUTE
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/staff/activities',
      headers: staff.auth,
      payload: {
        title: `统计活动${n}`,
        kind: ACTIVITY_KINDS[op.variant % ACTIVITY_KINDS.length],
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 60 * MINUTE).toISOString(),
        venue: venue(op.county, n),
        capacity: 80,
        audience: 'nearby',
      },
    })
    if (res.statusCode === 201) world.activities.push(res.json().id)
    return
  }
  const id = world.activities[op.which % Math.max(world.activities.length, 1)]
  if (!id) return
  switch (op.op) {
    case 'cancelActivity':
      await app.inject({
        method: 'POST',
        url: `/api/v1/staff/activities/${id}/cancel`,
        headers: staff.auth,
        payload: { reason: '统计取消' },
      })
      return
    case 'crowd':
      await sql`insert into activity_attendances (activity_id, region_code, membership_id, method)
        select a.id, a.region_code, m.id, 'scan' from activities a, memberships m
        where a.id = ${id} order by m.id limit ${30 + op.variant}
        on conflict (activity_id, membership_id) do nothing`.execute(app.db)
      return
    case 'thin':
      await sql`delete from activity_attendances where activity_id = ${id}
        and membership_id in (select membership_id from activity_attendances
          where activity_id = ${id} order by membership_id limit ${1 + op.variant})`.execute(app.db)
      return
    case 'moveActivity': {
      // Into another county, and a year on when the variant says so: attendees move with it.
      const shift = op.variant % 2 ? 366 * 24 * 60 * MINUTE : 0
      await sql`update activities set region_code = r.code, region_path = r.path,
        starts_at = starts_at + ${`${shift} milliseconds`}::interval,
        ends_at = ends_at + ${`${shift} milliseconds`}::interval
        from regions r where activities.id = ${id}
        and r.code = ${COUNTIES[op.variant % COUNTIES.length] ?? '350102'}`.execute(app.db)
      return
    }
  }
  if (!person) return
  if (op.op === 'attend') {
    await app.inject({
      method: 'POST',
      url: `/api/v1/staff/activities/${id}/attendances`,
      headers: staff.auth,
      payload: { membershipId: person.membershipId, reason: '现场补签' },
    })
    return
  }
  await app.inject({
    method: op.op === 'signup' ? 'POST' : 'DELETE',
    url: `/api/v1/activities/${id}/signup`,
    headers: person.account.auth,
  })
}

const key = (row: { region_code: string; metric: string; key: string; class: string }) =>
  `${row.region_code.trim()}|${row.metric}|${row.key}|${row.class}`

async function tallies(app: FastifyInstance): Promise<Map<string, number>> {
  const rows = await app.db
    .selectFrom('ledger_tallies')
    .select(['region_code', 'metric', 'key', 'class'])
    .select((eb) => eb.cast<number>('value', 'float8').as('value'))
    .where('value', '<>', 0 as never)
    .execute()
  return new Map(rows.map((row) => [key(row), row.value]))
}

t.test(
  'the tallies always equal a recount from the raw rows, whatever people and staff do',
  async (t) => {
    const app = await buildTestApp(t)
    const staff = await signInStaff(app, 'province.tally', 'province', '350000')
    const world: World = {
      app,
      staff,
      people: [],
      places: [],
      sites: [],
      activities: [],
      supervision: [],
      difficulties: [],
      serial: 0,
    }
    let checks = 0
    // Thirty-odd registrations first, so a crowd can pass the training target's 30 people.
    for (let n = 0; n < 32; n += 1)
      await apply(world, { op: 'register', kind: 'rider', county: n % 3, variant: n % 6 })
    for (let who = 0; who < 32; who += 2)
      await apply(world, { op: 'decide', who, decision: 'verify' })
    // Every metric some check met, not only those left at the end (a crowd thinned again).
    const seen = new Set<string>()
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 14 }), async (ops) => {
        for (const op of ops) await apply(world, op)
        const kept = await tallies(app)
        for (const k of kept.keys()) seen.add(k.split('|')[1] ?? '')
        const counted = new Map(
          (await recount(app.db)).rows.map((row) => [key(row), Number(row.value)]),
        )
        checks += 1
        if (JSON.stringify([...kept].sort()) !== JSON.stringify([...counted].sort())) {
          t.same(
            Object.fromEntries(kept),
            Object.fromEntries(counted),
            `after ${JSON.stringify(ops)}`,
          )
          return false
        }
        return true
      }),
      // A fixed seed: the checks below ask that the run exercised every path (a site
      // closed, a registration refused…), which a fresh random run misses now and then.
      { numRuns: 30, endOnFailure: true, seed: 20261213 },
    )
    t.ok(checks >= 30)
    const states = await app.db.selectFrom('memberships').select('state').execute()
    t.ok(states.length >= 20, `${states.length} registrations made`)
    t.ok(
      states.some((row) => row.state === 'verified'),
      'some verified',
    )
    t.ok(
      states.some((row) => row.state === 'revoked' || row.state === 'rejected'),
      'some refused',
    )
    const activities = await app.db.selectFrom('activities').select('state').execute()
    t.ok(
      activities.some((row) => row.state === 'cancelled'),
      `${activities.length} activities, some cancelled`,
    )
    const sites = await app.db.selectFrom('platform_sites').select('status').execute()
    t.ok(
      sites.some((row) => row.status === 'closed') && sites.some((row) => row.status === 'active'),
      `${sites.length} platform sites, some closed`,
    )
    const supervision = await app.db
      .selectFrom('supervision_report_events')
      .select('kind')
      .where('kind', '=', 'forward')
      .execute()
    t.ok(supervision.length > 0, `${supervision.length} reports moved to another county (转办)`)
    const forwarded = await app.db
      .selectFrom('difficulty_events')
      .select('kind')
      .where('kind', '=', 'forward')
      .execute()
    t.ok(forwarded.length > 0, `${forwarded.length} difficulties forwarded to another county`)
    const kinds = seen
    for (const metric of [
      'members.kind',
      'members.state',
      'riders.platform',
      'markets.count',
      'care.kind',
      'riders.sites',
      'activities.kind',
      'activities.signups',
      'activities.attendances',
      'activities.members',
      'activities.flow_members',
      'activities.training',
      'supervision.reports',
      'difficulties.raised',
      'difficulties.answered_within_week',
      'difficulties.solved',
      'supervision.upheld',
    ])
      t.ok(kinds.has(metric), `the random run exercised ${metric}`)
  },
)
