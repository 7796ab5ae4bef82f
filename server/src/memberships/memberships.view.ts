import {
  MembershipDraft,
  type MyMembership,
  maskMobile,
  maskResidentId,
  type TimelineEvent,
  Warning,
} from '@djt/shared'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { MembershipEventRow, MembershipRow } from './memberships.repository.ts'

/** Only masked: the full values leave the server through an audited staff reveal, nowhere else. */
export function maskedSecrets(cipher: FieldCipher, row: MembershipRow) {
  return {
    mobileMasked: row.mobile_enc ? maskMobile(cipher.decrypt(row.mobile_enc)) : null,
    idNumberMasked: row.id_number_enc ? maskResidentId(cipher.decrypt(row.id_number_enc)) : null,
  }
}

export function toTimeline(events: MembershipEventRow[]): TimelineEvent[] {
  return events.map((event) => ({
    at: event.at.toISOString(),
    action: event.action as TimelineEvent['action'],
    fromState: event.from_state,
    toState: event.to_state,
    actor: event.actor_label,
    note: event.note,
    photoId: event.photo_id,
  }))
}

export function toMyMembership(
  cipher: FieldCipher,
  row: MembershipRow,
  events: MembershipEventRow[],
): MyMembership {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    form: MembershipDraft.parse(row.form),
    ...maskedSecrets(cipher, row),
    question: row.state === 'needs_info' ? row.question : null,
    warnings: Warning.array().parse(row.warnings),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    timeline: toTimeline(events),
  }
}
