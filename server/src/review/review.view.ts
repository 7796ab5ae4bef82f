import {
  Evidence,
  MembershipDraft,
  type Platform,
  type ReviewDetail,
  type ReviewItem,
  Warning,
} from '@djt/shared'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { MembershipEventRow } from '../memberships/memberships.repository.ts'
import { maskedSecrets, toTimeline } from '../memberships/memberships.view.ts'
import type { ReviewRow } from './review.repository.ts'

export function toReviewItem(cipher: FieldCipher, row: ReviewRow): ReviewItem {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    name: row.name ?? '',
    mobileMasked: maskedSecrets(cipher, row).mobileMasked,
    regionCode: row.region_code ?? '',
    regionName: row.region_name,
    platform: (row.platform as Platform | null) ?? null,
    strength: row.evidence_strength,
    matchingSources: row.evidence_sources,
    submittedAt: (row.queued_at ?? row.created_at).toISOString(),
  }
}

export function toReviewDetail(
  cipher: FieldCipher,
  row: ReviewRow,
  events: MembershipEventRow[],
): ReviewDetail {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    version: row.version,
    form: MembershipDraft.parse(row.form),
    ...maskedSecrets(cipher, row),
    regionCode: row.region_code ?? '',
    regionName: row.region_name,
    warnings: Warning.array().parse(row.warnings),
    evidence: Evidence.nullable().parse(row.evidence),
    timeline: toTimeline(events),
  }
}
