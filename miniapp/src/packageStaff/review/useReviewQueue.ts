import type { ReviewItem } from '@djt/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../services/http'
import { fetchReviewPage, type ReviewFilters } from '../../services/review'

export interface Queue {
  items: ReviewItem[]
  next: string | null
  phase: 'loading' | 'ready' | 'more' | 'failed'
  problem: string | null
}

const EMPTY: Queue = { items: [], next: null, phase: 'loading', problem: null }

/** The review queue page by page: filters start over, `loadMore` follows the cursor. */
export function useReviewQueue(filters: ReviewFilters) {
  const [queue, setQueue] = useState<Queue>(EMPTY)
  // Answers to an older filter choice, or to a page left, change nothing.
  const generation = useRef(0)
  const busy = useRef(false)

  const fetchPage = useCallback(
    async (after: string | null) => {
      const id = generation.current
      busy.current = true
      try {
        const page = await fetchReviewPage(filters, after ?? undefined)
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
      } finally {
        if (id === generation.current) busy.current = false
      }
    },
    [filters],
  )

  const reload = useCallback(() => {
    generation.current++
    setQueue(EMPTY)
    void fetchPage(null)
  }, [fetchPage])

  const loadMore = useCallback(() => {
    if (busy.current || !queue.next || queue.phase !== 'ready') return
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
