import type { PledgeQueueItem, PledgeStatus, PledgeVersionState } from '@djt/shared'
import { useCallback } from 'react'
import { type PagedList, usePagedList } from '../../hooks/usePagedList'
import { fetchPledgeQueue } from '../../services/pledge-review'

export type PledgeQueue = PagedList<PledgeQueueItem>

/** One state's versions page by page: a new state starts over, `loadMore` follows the cursor. */
export function usePledgeQueue(state: PledgeVersionState, region?: string, status?: PledgeStatus) {
  const loader = useCallback(
    (after?: string) => fetchPledgeQueue(state, after, region, status),
    [state, region, status],
  )
  const { list, reload, loadMore } = usePagedList(loader)
  return { queue: list, reload, loadMore }
}
