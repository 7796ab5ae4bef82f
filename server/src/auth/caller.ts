import type { StaffLevel } from '@djt/shared'
import type { Access, Caller, StaffCaller, UserCaller } from './access.ts'

/** Route access that the auth plugin only lets staff through. */
type StaffAccess = 'staff' | 'staff-enrolling' | { staff: StaffLevel }
/** Any signed-in account: a user or a staff member, never anonymous. */
export type SignedInCaller = UserCaller | StaffCaller

/**
 * A handler's request, seen through its route's declared access. Fastify infers `A` from
 * the route's inline `config: { access }`, so a helper below only accepts a request whose
 * route already guarantees the caller kind it returns; a route declaring other access (or
 * none inline) does not compile.
 */
interface RequestWithAccess<A> {
  caller: Caller
  routeOptions: { config: { access?: A } }
}

/**
 * The auth plugin refused the request before the handler unless the caller fits the route's
 * access; reaching here with another kind is a bug in that plugin, not the caller's doing,
 * so it is a plain Error (a 500), never a 4xx.
 */
function wrongKind(expected: string, caller: Caller): Error {
  return new Error(`Route access promised a ${expected} caller, got ${caller.kind}`)
}

/** The staff member calling a route declared `staff`, `staff-enrolling` or `{ staff }`. */
export function staffCaller<A extends StaffAccess>(request: RequestWithAccess<A>): StaffCaller {
  const { caller } = request
  if (caller.kind !== 'staff') throw wrongKind('staff', caller)
  return caller
}

/** The mini-program user calling a route declared `user`. */
export function userCaller<A extends 'user'>(request: RequestWithAccess<A>): UserCaller {
  const { caller } = request
  if (caller.kind !== 'user') throw wrongKind('user', caller)
  return caller
}

/** The account calling a route declared `signed-in` (or any stricter access). */
export function signedInCaller<A extends Exclude<Access, 'public'>>(
  request: RequestWithAccess<A>,
): SignedInCaller {
  const { caller } = request
  if (caller.kind === 'anonymous') throw wrongKind('signed-in', caller)
  return caller
}
