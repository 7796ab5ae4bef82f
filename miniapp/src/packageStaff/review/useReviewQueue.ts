import type { ReviewItem } from '@djt/shared'
import { useCallback } from 'react'
import { type PagedList, usePagedList } from '../../hooks/usePagedList'
import { fetchReviewPage, type ReviewFilters } from '../../services/review'

export type Queue = PagedList<ReviewItem>

/** The review queue page by page: filters start over, `loadMore` follows the cursor. */
export function useReviewQueue(filters: ReviewFilters) {
  const loader = useCallback((after?: string) => fetchReviewPage(filters, after), [filters])
  const { list, reload, loadMore } = usePagedList(loader)
  return { queue: list, reload, loadMore }
}
