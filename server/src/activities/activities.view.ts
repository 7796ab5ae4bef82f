import type { Activity, ActivityDetail, MemberActivity } from '@djt/shared'
import type { ActivityRow } from './activities.repository.ts'
import type { AttendanceRow, SignupRow } from './signups.repository.ts'

const iso = (at: Date | null) => (at ? at.toISOString() : null)

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    placeId: row.place_id,
    placeName: row.place_name,
    address: row.address,
    location: { lat: row.lat, lng: row.lng },
    regionCode: row.region_code,
    capacity: row.capacity,
    signedUp: Number(row.signed_up ?? 0),
    audience: row.audience,
    branchId: row.branch_id,
    branchName: row.branch_name,
    description: row.description,
    state: row.state,
    cancelReason: row.cancel_reason,
    closedAt: iso(row.closed_at),
    createdAt: row.created_at.toISOString(),
  }
}

/** Staff see members by the membership's name, never a mobile number. */
export function toActivityDetail(
  row: ActivityRow,
  signups: SignupRow[],
  attendances: AttendanceRow[],
  photoIds: string[],
): ActivityDetail {
  return {
    ...toActivity(row),
    minutes: row.minutes,
    photoIds,
    signups: signups.map((s) => ({
      membershipId: s.membership_id,
      memberName: s.member_name ?? '',
      signedUpAt: s.created_at.toISOString(),
    })),
    attendances: attendances.map((a) => ({
      membershipId: a.membership_id,
      memberName: a.member_name ?? '',
      method: a.method,
      reason: a.reason,
      at: a.at.toISOString(),
    })),
  }
}

export function toMemberActivity(
  row: ActivityRow & { distance: number | null; signed_up_by_me: boolean },
  openToMe: boolean,
): MemberActivity {
  return {
    ...toActivity(row),
    distance: row.distance === null ? null : Math.round(Number(row.distance)),
    openToMe,
    signedUpByMe: row.signed_up_by_me,
  }
}
