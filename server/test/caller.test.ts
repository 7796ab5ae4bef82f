import t from 'tap'
import type { Access, Caller, StaffCaller, UserCaller } from '../src/auth/access.ts'
import { signedInCaller, staffCaller, userCaller } from '../src/auth/caller.ts'
import { ApiError } from '../src/http/errors.ts'

const staff: StaffCaller = {
  kind: 'staff',
  id: '00000000-0000-4000-8000-000000000001',
  username: 'county1',
  level: 'county',
  regionCode: '110101',
  regionPath: '11.1101.110101',
  mfaPending: false,
}
const user: UserCaller = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000002',
  userKind: null,
  privacyVersion: null,
}
const anonymous: Caller = { kind: 'anonymous' }

/** What a handler's request looks like to the helpers: its caller and its route's access. */
const requestOf = <A extends Access>(caller: Caller, access: A) => ({
  caller,
  routeOptions: { config: { access } },
})

t.test('each helper returns the caller its route access promised', async (t) => {
  t.equal(staffCaller(requestOf(staff, 'staff')).username, 'county1')
  t.equal(staffCaller(requestOf(staff, { staff: 'city' })).level, 'county')
  t.equal(userCaller(requestOf(user, 'user')).id, user.id)
  t.equal(signedInCaller(requestOf(staff, 'signed-in')).kind, 'staff')
  t.equal(signedInCaller(requestOf(user, 'signed-in')).kind, 'user')
})

t.test('another kind is a server bug: a plain Error (500), never a 4xx ApiError', async (t) => {
  const mismatches = [
    () => staffCaller(requestOf(user, 'staff')),
    () => staffCaller(requestOf(anonymous, 'staff-enrolling')),
    () => userCaller(requestOf(staff, 'user')),
    () => signedInCaller(requestOf(anonymous, 'signed-in')),
  ]
  for (const mismatch of mismatches) {
    const error = t.throws(mismatch, /Route access promised/)
    t.notOk(error instanceof ApiError)
  }
})

t.test('a route whose access does not guarantee the kind does not compile', async (t) => {
  // Checked by tsc, not at run time: each line must stay an error for the build to pass.
  const typeErrors = () => [
    // @ts-expect-error a user route has no staff caller
    staffCaller(requestOf(user, 'user')),
    // @ts-expect-error a signed-in route may be called by staff
    userCaller(requestOf(user, 'signed-in')),
    // @ts-expect-error a public route may be called anonymously
    signedInCaller(requestOf(user, 'public')),
  ]
  t.ok(typeErrors)
})
