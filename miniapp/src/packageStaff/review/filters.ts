import {
  evidenceStrengthNames,
  membershipKindNames,
  membershipStateNames,
  pendingStates,
  platformNames,
  type ReviewItem,
} from '@djt/shared'
import type { ReviewFilters } from '../../services/review'

export interface FilterGroup {
  key: keyof ReviewFilters
  label: string
  names: Record<string, string>
}

/** The queue's chip rows, in the order a reviewer narrows down. */
export const filterGroups: readonly FilterGroup[] = [
  { key: 'state', label: '状态', names: membershipStateNames },
  { key: 'kind', label: '类型', names: membershipKindNames },
  { key: 'platform', label: '平台', names: platformNames },
  { key: 'strength', label: '证据', names: evidenceStrengthNames },
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

/** Bulk approval is only for pending entries that two registers confirm strongly. */
export function isBulkVerifiable(item: ReviewItem): boolean {
  return (
    item.strength === 'strong' &&
    item.matchingSources >= 2 &&
    (pendingStates as readonly string[]).includes(item.state)
  )
}
