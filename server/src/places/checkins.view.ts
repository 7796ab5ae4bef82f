import type { Checkin } from '@djt/shared'
import type { CheckinRow } from './checkins.repository.ts'

/** Staff see the member's name from the membership, never a mobile number. */
export function toCheckin(row: CheckinRow): Checkin {
  return {
    id: row.id,
    placeId: row.place_id,
    placeName: row.place_name,
    memberName: row.member_name ?? '',
    state: row.state,
    // The decision's reason once decided, the member's own note before.
    note: row.decision_note ?? row.note,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  }
}
