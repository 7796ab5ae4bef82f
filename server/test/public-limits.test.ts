import { randomBytes, randomUUID } from 'node:crypto'
import { CHINA_TIME_ZONE, DEVICE_TOKEN } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { migrate, readMigrations } from '../src/db/migrate.ts'
import { createDeviceTokens } from '../src/devices/device-token.ts'
import { pruneReportQuota } from '../src/pledges/feedback.repository.ts'
import { REPORTS_PER_DAY } from '../src/pledges/public.service.ts'
import { signInStaff, signInUser } from './fixtures/accounts.ts'
import { deviceToken, publicPledge, verifiedOperator } from './fixtures/pledges.ts'
import { buildTestApp, driver } from './helper.ts'

// The per-device daily limits on public feedback, held by the database: run on PostgreSQL
// too, where parallel requests really overlap (PGlite runs transactions one at a time).

async function shownPledge(app: FastifyInstance, name: string) {
  const staff = await signInStaff(app, 'limits.county', 'county', '350102')
  return publicPledge(app, staff, await verifiedOperator(app, staff, name))
}

function feedback(app: FastifyInstance, code: string, ip: string) {
  const send = (what: 'ratings' | 'reports', payload: object, headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/public/pledges/${code}/${what}`,
      headers,
      payload,
      remoteAddress: ip,
    })
  return {
    rate: (headers: Record<string, string>, score = 4) => send('ratings', { score }, headers),
    report: (headers: Record<string, string>, text = '称重缺斤短两，少了二两') =>
      send('reports', { text }, headers),
  }
}

const statuses = (answers: { statusCode: number }[]) =>
  answers.map((answer) => answer.statusCode).sort()
const device = (token: string) => ({ 'x-device-id': token })

async function stored(
  app: FastifyInstance,
  table: 'pledge_ratings' | 'pledge_reports',
  id: string,
) {
  const row = await app.db
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as('n'))
    .where('pledge_id', '=', id)
    .executeTakeFirstOrThrow()
  return row.n
}

t.test(`ten parallel ratings and reports from one device (${driver})`, async (t) => {
  const app = await buildTestApp(t)
  const pledge = await shownPledge(app, '并发店')
  const { rate, report } = feedback(app, pledge.code, '10.0.0.1')
  const phone = deviceToken(app)

  const ratings = await Promise.all(Array.from({ length: 10 }, () => rate(device(phone))))
  t.same(statuses(ratings), [201, ...Array(9).fill(429)], '1 rating taken, 9 refused')
  t.equal(await stored(app, 'pledge_ratings', pledge.id), 1, 'exactly 1 rating stored')
  t.match(ratings.find((answer) => answer.statusCode === 429)?.json().error, {
    code: 'rate_limited',
    message: /今天已经评价过/,
  })
  t.equal((await rate(device(deviceToken(app)))).statusCode, 201, 'another device still rates')
  t.equal(await stored(app, 'pledge_ratings', pledge.id), 2)

  const reports = await Promise.all(Array.from({ length: 10 }, () => report(device(phone))))
  t.same(
    statuses(reports),
    [...Array(REPORTS_PER_DAY).fill(201), ...Array(10 - REPORTS_PER_DAY).fill(429)],
    `${REPORTS_PER_DAY} reports taken, the rest refused`,
  )
  t.equal(await stored(app, 'pledge_reports', pledge.id), REPORTS_PER_DAY)
  t.match(reports.find((answer) => answer.statusCode === 429)?.json().error.message, /举报已经够多/)
  t.equal((await report(device(deviceToken(app)))).statusCode, 201, 'another device reports')
})

t.test('a report refused by the content check uses no slot of the day', async (t) => {
  const app = await buildTestApp(t)
  const pledge = await shownPledge(app, '内容店')
  const { report } = feedback(app, pledge.code, '10.0.0.2')
  const phone = device(deviceToken(app))
  t.equal((await report(phone, '店家是个傻逼，缺斤短两')).statusCode, 400)
  for (let n = 1; n <= REPORTS_PER_DAY; n++)
    t.equal((await report(phone, `第${n}次举报：缺斤短两`)).statusCode, 201, `report ${n}`)
  t.equal((await report(phone)).statusCode, 429)
})

t.test('the limits are per China-local day; past days are pruned', async (t) => {
  const app = await buildTestApp(t)
  const pledge = await shownPledge(app, '隔天店')
  const { rate, report } = feedback(app, pledge.code, '10.0.0.3')
  const phone = device(deviceToken(app))
  t.equal((await rate(phone)).statusCode, 201)
  for (let n = 0; n < REPORTS_PER_DAY; n++) await report(phone)
  t.equal((await report(phone)).statusCode, 429)
  const today = await sql<{
    day: string
  }>`select (now() at time zone ${sql.lit(CHINA_TIME_ZONE)})::date::text as day`.execute(app.db)
  t.same(
    await app.db.selectFrom('pledge_ratings').select(sql<string>`day::text`.as('day')).execute(),
    [{ day: today.rows[0]?.day }],
    'a rating is dated by its China-local day',
  )

  // Yesterday's: the same device may rate and report again.
  await sql`update pledge_ratings set day = day - 1`.execute(app.db)
  await sql`update pledge_report_quota set day = day - 1`.execute(app.db)
  t.equal((await rate(phone)).statusCode, 201, 'rates again the next day')
  t.equal((await report(phone)).statusCode, 201, 'reports again the next day')
  t.equal(await pruneReportQuota(app.db), 1, "yesterday's slots are pruned")
  const left = await app.db.selectFrom('pledge_report_quota').select('used').execute()
  t.same(left, [{ used: 1 }], "today's slot stays")
})

t.test('only a token the server signed is a device', async (t) => {
  const app = await buildTestApp(t)
  const pledge = await shownPledge(app, '伪造店')
  const { rate, report } = feedback(app, pledge.code, '10.0.0.4')
  const issue = () =>
    app.inject({ method: 'POST', url: '/api/v1/public/devices', remoteAddress: '10.0.1.1' })
  const first = await issue()
  t.equal(first.statusCode, 201)
  const mine: string = first.json().deviceToken
  const theirs: string = (await issue()).json().deviceToken
  t.match(mine, DEVICE_TOKEN)
  t.not(mine, theirs, 'each token is new')

  const [id = '', signature = ''] = mine.split('.')
  const [, theirSignature = ''] = theirs.split('.')
  const lastFlipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A')
  const refused = {
    'no token': {},
    'an unsigned random id (the old client)': device(randomUUID()),
    'a bare random id': device(randomBytes(16).toString('base64url')),
    'a forged signature': device(`${id}.${randomBytes(32).toString('base64url')}`),
    "another id's signature": device(`${id}.${theirSignature}`),
    'a signature with one character changed': device(`${id}.${lastFlipped}`),
    "another server's token": device(
      createDeviceTokens('another server secret, 32+ chars').issue(),
    ),
    garbage: device('../../etc/passwd'),
    'the token twice': device(`${mine},${mine}`),
  }
  for (const [what, headers] of Object.entries(refused)) {
    for (const answer of [await rate(headers), await report(headers)]) {
      t.equal(answer.statusCode, 401, `${what}: 401`)
      t.match(answer.json().error, {
        code: 'device_unrecognized',
        message: /本机标识（请求头 x-device-id）/,
        fields: [{ field: 'headers.x-device-id' }],
      })
    }
  }
  t.equal(await stored(app, 'pledge_ratings', pledge.id), 0, 'nothing stored for them')
  t.equal(await stored(app, 'pledge_reports', pledge.id), 0)
  t.equal((await rate(device(mine))).statusCode, 201, 'the issued token rates')
  t.equal((await rate(device(theirs))).statusCode, 201, 'and so does another issued one')
  t.equal((await rate(device(mine))).statusCode, 429, 'once a day')

  // Issuing is limited per IP: 20 an hour (2 were issued above).
  // One after another: the in-process store hands parallel requests one shared counter.
  const more = []
  for (let n = 0; n < 19; n++) more.push(await issue())
  t.same(statuses(more), [...Array(18).fill(201), 429], 'the 21st token in an hour is refused')
  t.equal((await issue()).json().error.code, 'rate_limited')
  t.equal(
    (await app.inject({ method: 'POST', url: '/api/v1/public/devices', remoteAddress: '10.0.1.2' }))
      .statusCode,
    201,
    'another IP still gets one',
  )
})

t.test('a signed-in user counts as one device whatever token it sends', async (t) => {
  const app = await buildTestApp(t)
  const pledge = await shownPledge(app, '登录店')
  const { rate } = feedback(app, pledge.code, '10.0.0.5')
  const user = await signInUser(app, 'limits-customer')
  t.equal((await rate(user.auth)).statusCode, 201, 'no token needed when signed in')
  const rotated = { ...user.auth, ...device(deviceToken(app)) }
  t.equal((await rate(rotated)).statusCode, 429, 'a fresh device token does not reset it')
  const other = await signInUser(app, 'limits-neighbour')
  t.equal((await rate(other.auth)).statusCode, 201, 'another account rates')
  const signedOut = { authorization: 'Bearer not-a-token' }
  t.equal((await rate(signedOut)).statusCode, 401, 'a broken sign-in needs a device token')
})

t.test('migration 0018 keeps ratings that break the new key', async (t) => {
  const app = await buildTestApp(t)
  const pledge = await shownPledge(app, '迁移店')
  // Back to before 0018, then the duplicates the old count-then-insert let through.
  await app.database.inScriptTransaction((session) =>
    session.exec(`
      drop table pledge_report_quota;
      drop index pledge_ratings_once_a_day;
      alter table pledge_ratings drop column day;
      create index pledge_ratings_device on pledge_ratings (pledge_id, device, at);
      delete from schema_migrations where version = 18;`),
  )
  const at = (hoursAgo: number) => sql<Date>`now() - make_interval(hours => ${hoursAgo})`
  await app.db
    .insertInto('pledge_ratings')
    .values([
      { pledge_id: pledge.id, score: 5, device: 'dup', at: at(0) },
      { pledge_id: pledge.id, score: 1, device: 'dup', at: at(0) },
      { pledge_id: pledge.id, score: 1, device: 'dup', at: at(0) },
      { pledge_id: pledge.id, score: 3, device: 'dup', at: at(48) },
    ])
    .execute()
  const applied = await migrate(app.database, await readMigrations())
  t.same(applied, ['0018_public_feedback_limits.sql'])
  const rows = await app.db
    .selectFrom('pledge_ratings')
    .select(['score', sql<string | null>`day::text`.as('day')])
    .orderBy('id')
    .execute()
  t.equal(rows.length, 4, 'no rating deleted')
  t.same(
    rows.map((row) => row.day === null),
    [false, true, true, false],
    'the first of a day keeps its day; the later duplicates take no part in the key',
  )
  await t.rejects(
    app.db
      .insertInto('pledge_ratings')
      .values({ pledge_id: pledge.id, score: 2, device: 'dup' })
      .execute(),
    /pledge_ratings_once_a_day/,
    'the key holds from now on',
  )
})
