import type { PledgeQueueItem, PledgeVersionState } from '@djt/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../services/http'
import { fetchPledgeQueue } from '../../services/pledge-review'

export interface PledgeQueue {
  items: PledgeQueueItem[]
  next: string | null
  phase: 'loading' | 'ready' | 'more' | 'failed'
  problem: string | null
}

const EMPTY: PledgeQueue = { items: [], next: null, phase: 'loading', problem: null }

/** One state's versions page by page: a new state starts over, `loadMore` follows the cursor. */
export function usePledgeQueue(state: PledgeVersionState) {
  const [queue, setQueue] = useState<PledgeQueue>(EMPTY)
  // Answers for a tab no longer shown change nothing.
  const generation = useRef(0)

  const fetchPage = useCallback(
    async (after: string | null) => {
      const id = generation.current
      try {
        const page = await fetchPledgeQueue(state, after ?? undefined)
        if (id !== generation.current) return
        setQueue((q) => ({
          items: after ? [...q.items, ...page.items] : page.items,
          next: page.next,
          phase: 'ready',
          problem: null,
        }))
      } catch (error) {
        if (id !== generation.current) return
        const problem = error instanceof ApiError ? error.message : '加载失败，请稍后重试'
        setQueue((q) => ({ ...q, phase: after ? 'ready' : 'failed', problem }))
      }
    },
    [state],
  )

  const reload = useCallback(() => {
    generation.current++
    setQueue(EMPTY)
    void fetchPage(null)
  }, [fetchPage])

  const loadMore = useCallback(() => {
    if (!queue.next || queue.phase !== 'ready') return
    setQueue((q) => ({ ...q, phase: 'more' }))
    void fetchPage(queue.next)
  }, [fetchPage, queue.next, queue.phase])

  useEffect(() => {
    reload()
    return () => {
      generation.current++
    }
  }, [reload])

  return { queue, reload, loadMore }
}
