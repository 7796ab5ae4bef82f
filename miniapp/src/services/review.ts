import {
  BulkVerifyResult,
  type DecisionRequest,
  type EvidenceStrength,
  type MembershipKind,
  type Platform,
  RevealReply,
  type RevealRequest,
  ReviewDetail,
  ReviewPage,
  type ReviewStateFilter,
} from '@djt/shared'
import type { z } from 'zod'
import { get, post } from './http'
import { fetchToDevice } from './transfer'

export type { BulkVerifyResult, DecisionRequest, ReviewDetail, ReviewPage } from '@djt/shared'
/** The full value; null when the person left the field empty. */
export type RevealedValue = z.infer<typeof RevealReply>

/** The queue's filters; an absent one means all (for the state: the server's `waiting`). */
export interface ReviewFilters {
  kind?: MembershipKind | undefined
  platform?: Platform | undefined
  state?: ReviewStateFilter | undefined
  strength?: EvidenceStrength | undefined
  /** One region of my jurisdiction (a ledger figure's records); all of it when unset. */
  region?: string | undefined
}

export const REVIEW_PAGE_SIZE = 20

/** Entries in the caller's jurisdiction, oldest first; pass `next` back as `after`. */
export function fetchReviewPage(filters: ReviewFilters, after?: string): Promise<ReviewPage> {
  return get('/review/memberships', ReviewPage, { ...filters, after, limit: REVIEW_PAGE_SIZE })
}

export function fetchReviewDetail(id: string): Promise<ReviewDetail> {
  return get(`/review/memberships/${encodeURIComponent(id)}`, ReviewDetail)
}

/** A stale `version` comes back as 409 conflict: someone changed the entry meanwhile. */
export function decideMembership(id: string, decision: DecisionRequest): Promise<ReviewDetail> {
  return post(`/review/memberships/${encodeURIComponent(id)}/decision`, decision, ReviewDetail)
}

/** Verifies only entries with strong evidence from two registers; the rest come back skipped. */
export function bulkVerifyMemberships(ids: string[]): Promise<BulkVerifyResult> {
  return post('/review/memberships/bulk-verify', { ids }, BulkVerifyResult)
}

/** The full mobile or ID number; the server records who asked and why. */
export function revealField(id: string, request: RevealRequest): Promise<RevealedValue> {
  return post(`/review/memberships/${encodeURIComponent(id)}/reveal`, request, RevealReply)
}

/** A photo the member sent with an answer, on this device for the image viewer (staff token). */
export function fetchAnswerPhoto(id: string, photoId: string): Promise<string> {
  const entry = encodeURIComponent(id)
  return fetchToDevice(`/review/memberships/${entry}/answer-photos/${encodeURIComponent(photoId)}`)
}
