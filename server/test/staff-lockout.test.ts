import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { STRONG_PASSWORD, signInStaff } from './fixtures/accounts.ts'
import { buildTestApp } from './helper.ts'

/** A staff sign-in from one address (inject's remoteAddress is the source that counts). */
function signInFrom(app: FastifyInstance, ip: string, username: string, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    remoteAddress: ip,
    payload: { username, password },
  })
}

const HOME = '10.0.0.1'
const STRANGER = '203.0.113.9'

t.test(
  'lockout after 5 failures from one address, audited; the right password is refused there',
  async (t) => {
    const app = await buildTestApp(t)
    await signInStaff(app, 'target', 'county', '350102')
    for (let i = 0; i < 5; i++) {
      const res = await signInFrom(app, STRANGER, 'target', 'Wrong-password-123')
      t.equal(res.json().error.code, 'invalid_credentials')
    }
    const locked = await signInFrom(app, STRANGER, 'target', STRONG_PASSWORD)
    t.equal(locked.statusCode, 423)
    t.equal(locked.json().error.code, 'account_locked')
    const home = await signInFrom(app, HOME, 'target', STRONG_PASSWORD)
    t.equal(home.statusCode, 200, 'a stranger guessing elsewhere does not keep the member out')
    const rows = await app.db
      .selectFrom('audit_log')
      .select(['outcome', 'ip'])
      .where('action', '=', 'auth.staff_sign_in')
      .execute()
    t.equal(rows.filter((row) => row.outcome === 'failure').length, 6)
    t.equal(rows.filter((row) => row.outcome === 'success').length, 2, 'fixture and home')
    t.ok(
      rows.every((row) => row.ip),
      'staff sign-ins record the IP',
    )
  },
)

t.test('an unknown username gets exactly the answers a real one gets, lock included', async (t) => {
  const app = await buildTestApp(t)
  await signInStaff(app, 'real.one', 'county', '350102')
  const answers = async (username: string) => {
    const seen = []
    for (let i = 0; i < 6; i++) {
      const res = await signInFrom(app, STRANGER, username, 'Wrong-password-123')
      const { requestId: _id, ...error } = res.json().error
      seen.push({ status: res.statusCode, ...error })
    }
    return seen
  }
  const real = await answers('real.one')
  t.same(await answers('ghost.one'), real, 'same statuses, codes and messages')
  t.same(
    real.map((answer) => answer.status),
    [401, 401, 401, 401, 401, 423],
  )
})

t.test('the count starts again when a lock expires', async (t) => {
  const app = await buildTestApp(t)
  await signInStaff(app, 'slow.guess', 'county', '350102')
  for (let i = 0; i < 5; i++) await signInFrom(app, STRANGER, 'slow.guess', 'Wrong-password-1')
  t.equal((await signInFrom(app, STRANGER, 'slow.guess', 'Wrong-password-1')).statusCode, 423)
  // Fifteen minutes later.
  await sql`update staff_sign_in_failures set locked_until = now() - interval '1 second'`.execute(
    app.db,
  )
  const after = await signInFrom(app, STRANGER, 'slow.guess', 'Wrong-password-1')
  t.equal(after.statusCode, 401, 'one wrong password after the lock is one failure, not a lock')
  const row = await app.db
    .selectFrom('staff_sign_in_failures')
    .select(['failures', 'locked_until'])
    .executeTakeFirstOrThrow()
  t.same(row, { failures: 1, locked_until: null })
  t.equal((await signInFrom(app, STRANGER, 'slow.guess', STRONG_PASSWORD)).statusCode, 200)
  t.equal(
    await app.db
      .selectFrom('staff_sign_in_failures')
      .select('username')
      .execute()
      .then((r) => r.length),
    0,
    "a successful sign-in forgets that source's failures",
  )
})

t.test('the supervisor unlocks a locked account, within scope, audited', async (t) => {
  const app = await buildTestApp(t)
  const city = await signInStaff(app, 'city.fz', 'city', '350100')
  const otherCity = await signInStaff(app, 'city.xm', 'city', '350200')
  const peer = await signInStaff(app, 'county.peer', 'county', '350102')
  const county = await signInStaff(app, 'county.gl', 'county', '350102')
  for (let i = 0; i < 5; i++) await signInFrom(app, HOME, 'county.gl', 'Wrong-password-1')
  t.equal((await signInFrom(app, HOME, 'county.gl', STRONG_PASSWORD)).statusCode, 423)
  const listed = await app.inject({ url: '/api/v1/staff', headers: city.auth })
  const entry = listed.json().items.find((a: { id: string }) => a.id === county.id)
  t.equal(entry.locked, true, 'the supervisor sees the lock')
  const unlock = (who: { auth: Record<string, string> }) =>
    app.inject({ method: 'POST', url: `/api/v1/staff/${county.id}/unlock`, headers: who.auth })
  t.equal((await unlock(otherCity)).statusCode, 404, 'another city does not see it')
  t.equal((await unlock(peer)).statusCode, 403, 'the same level may not')
  const done = await unlock(city)
  t.equal(done.statusCode, 200)
  t.equal(done.json().locked, false)
  t.equal((await signInFrom(app, HOME, 'county.gl', STRONG_PASSWORD)).statusCode, 200)
  const audited = await app.db
    .selectFrom('audit_log')
    .select(['actor_id', 'target_id'])
    .where('action', '=', 'staff.unlock')
    .execute()
  t.same(audited, [{ actor_id: city.id, target_id: county.id }])
})
