import type { PledgeQueueItem, PledgeStatus, PledgeVersionState } from '@djt/shared'
import { useCallback } from 'react'
import { type PagedList, usePagedList } from '../../hooks/usePagedList'
import { fetchPledgeQueue } from '../../services/pledge-review'

/** The versions loaded so far; `about` is the queue's size over all pages. */
export type PledgeQueue = PagedList<PledgeQueueItem, number>

/** One state's versions page by page: a new state starts over, `loadMore` follows the cursor. */
export function usePledgeQueue(state: PledgeVersionState, region?: string, status?: PledgeStatus) {
  const loader = useCallback(
    async (after?: string) => {
      const page = await fetchPledgeQueue(state, after, region, status)
      return { items: page.items, next: page.next, about: page.total }
    },
    [state, region, status],
  )
  const { list, reload, loadMore } = usePagedList<PledgeQueueItem, number>(loader)
  return { queue: list, reload, loadMore }
}
