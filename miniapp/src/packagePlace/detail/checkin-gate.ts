import { type Checkin, type Me, type MembershipState, membershipStateNames } from '@djt/shared'

/** What stands between this user and 报到, or 'ready' when nothing does. */
export type CheckinGate =
  | { step: 'sign_in'; text: string }
  | { step: 'staff'; text: string }
  | { step: 'register'; text: string }
  | { step: 'unverified'; text: string }
  | { step: 'ready' }

/** `membership` is undefined while it loads, null when the user never registered. */
export function checkinGate(
  user: Me | null,
  membership: MembershipState | null | undefined,
): CheckinGate {
  if (!user) return { step: 'sign_in', text: '报到需要先登录，并完成党员登记、通过核验。' }
  if (user.staff) return { step: 'staff', text: '工作人员账号不能报到，请使用党员本人的微信。' }
  if (membership === null)
    return { step: 'register', text: '报到前请先完成党员登记，核验通过后即可报到。' }
  if (membership !== 'verified' && membership !== undefined)
    return {
      step: 'unverified',
      text: `你的党员登记${membershipStateNames[membership]}，核验通过后才能报到。`,
    }
  return { step: 'ready' }
}

/** My latest check-in at this place, if any. */
export function latestCheckin(checkins: readonly Checkin[], placeId: string): Checkin | null {
  const mine = checkins.filter((checkin) => checkin.placeId === placeId)
  mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return mine[0] ?? null
}

/** Waiting or approved: no second 报到 at the same branch. */
export function canCheckInAgain(latest: Checkin | null): boolean {
  return !latest || latest.state === 'declined' || latest.state === 'withdrawn'
}
