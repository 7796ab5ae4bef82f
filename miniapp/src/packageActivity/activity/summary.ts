import { type Activity, activityKindNames, activityStateNames } from '@djt/shared'
import { formatDistance } from '../../places/format'
import { timeSpan } from './when'

/** 主题党日 · 2026-07-01 09:00–11:00 */
export function activityHeadline(activity: Activity): string {
  return `${activityKindNames[activity.kind]} · ${timeSpan(activity.startsAt, activity.endsAt)}`
}

/** The place's name, or the address typed for an activity held elsewhere. */
export function venueName(activity: Activity): string {
  return activity.placeName ?? activity.address
}

/** 已报名 12/30 */
export function seatsText(activity: Activity): string {
  return `已报名 ${activity.signedUp}/${activity.capacity}`
}

/** 报名中, 已取消（原因）, 已结束 */
export function stateText(activity: Activity): string {
  const name = activityStateNames[activity.state]
  return activity.state === 'cancelled' && activity.cancelReason
    ? `${name}（${activity.cancelReason}）`
    : name
}

/** 1.2公里 · 某支部活动室 */
export function whereText(activity: Activity, distance: number | null): string {
  const venue = venueName(activity)
  return distance === null ? venue : `${formatDistance(distance)} · ${venue}`
}
