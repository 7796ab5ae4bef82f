import { type StaffLevel, staffLevelRank, type UserKind } from '@djt/shared'

/**
 * Who may call a route, declared on every route as `config: { access }`. The auth plugin
 * refuses to register an /api route without one, and enforces it before the handler.
 * - public: anyone; signed-in: any account; user: mini-program users;
 * - staff: staff with a finished sign-in (second factor enrolled where required);
 * - { staff: level }: staff at that level or above;
 * - staff-enrolling: staff, even before enrolling the second factor.
 */
export type Access =
  | 'public'
  | 'signed-in'
  | 'user'
  | 'staff'
  | 'staff-enrolling'
  | { staff: StaffLevel }

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: string; userKind: UserKind | null; privacyVersion: string | null }
  | {
      kind: 'staff'
      id: string
      username: string
      level: StaffLevel
      regionCode: string
      regionPath: string
      mfaPending: boolean
    }

export type StaffCaller = Extract<Caller, { kind: 'staff' }>
export type UserCaller = Extract<Caller, { kind: 'user' }>

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
}

/** null = allowed; otherwise the refusal (401 needs sign-in, 403 signed in but not allowed). */
export function refusal(access: Access, caller: Caller): 401 | 403 | 'mfa' | null {
  if (access === 'public') return null
  if (caller.kind === 'anonymous') return 401
  if (access === 'signed-in') return null
  if (access === 'user') return caller.kind === 'user' ? null : 403
  if (caller.kind !== 'staff') return 403
  if (access === 'staff-enrolling') return null
  if (caller.mfaPending) return 'mfa'
  if (access === 'staff') return null
  return staffLevelRank[caller.level] >= staffLevelRank[access.staff] ? null : 403
}
