import {
  evidenceStrengthNames,
  membershipKindNames,
  membershipStateNames,
  pendingStates,
  platformNames,
  type ReviewItem,
  ReviewQuery,
} from '@djt/shared'
import type { z } from 'zod'
import type { ReviewFilters } from '../../services/review'

/** One chip: the filter's value (undefined: no filter) and what it says. */
export type Chip = readonly [value: string | undefined, label: string]

export interface FilterGroup {
  key: keyof ReviewFilters
  label: string
  chips: readonly Chip[]
}

const allOf = (names: Record<string, string>): Chip[] => [
  [undefined, '全部'],
  ...Object.entries(names),
]

/**
 * The state row starts with what the ledger's 等待核验 counts (the default view) and ends
 * with every state; drafts are never sent for review and a withdrawn entry leaves the queue.
 */
const stateChips: Chip[] = [
  ['waiting', '等待核验'],
  ...(['submitted', 'resubmitted', 'needs_info', 'verified', 'rejected', 'revoked'] as const).map(
    (state): Chip => [state, membershipStateNames[state]],
  ),
  ['all', '全部'],
]

/** The queue's chip rows, in the order a reviewer narrows down. */
export const filterGroups: readonly FilterGroup[] = [
  { key: 'state', label: '状态', chips: stateChips },
  { key: 'kind', label: '类型', chips: allOf(membershipKindNames) },
  { key: 'platform', label: '平台', chips: allOf(platformNames) },
  { key: 'strength', label: '证据', chips: allOf(evidenceStrengthNames) },
]

/** Platforms only mean something for riders. */
export function visibleGroups(filters: ReviewFilters): FilterGroup[] {
  return filterGroups.filter(
    (group) => group.key !== 'platform' || !filters.kind || filters.kind === 'rider',
  )
}

/** Choosing a kind other than rider drops a platform filter that could no longer match. */
export function withFilter(filters: ReviewFilters, key: keyof ReviewFilters, value?: string) {
  const next = { ...filters, [key]: value } as ReviewFilters
  if (key === 'kind' && value && value !== 'rider') next.platform = undefined
  return next
}

const valid = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined =>
  schema.safeParse(value).data

/**
 * The filters a page URL names (a ledger figure opens the queue with its own: `?region=…
 * &state=waiting`); a value the queue does not know is dropped, the state falls back to
 * the waiting queue.
 */
export function routeFilters(params: Partial<Record<string, string>>): ReviewFilters {
  const field = ReviewQuery.shape
  return {
    region: params.region || undefined,
    state: valid(field.state, params.state) ?? 'waiting',
    kind: valid(field.kind, params.kind),
    platform: valid(field.platform, params.platform),
    strength: valid(field.strength, params.strength),
  }
}

/** Bulk approval is only for pending entries that two registers confirm strongly. */
export function isBulkVerifiable(item: ReviewItem): boolean {
  return (
    item.strength === 'strong' &&
    item.matchingSources >= 2 &&
    (pendingStates as readonly string[]).includes(item.state)
  )
}
