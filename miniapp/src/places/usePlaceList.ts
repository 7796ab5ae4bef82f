import type { PlacePage, PlaceSummary } from '@djt/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../services/http'

export interface PlaceList {
  items: PlaceSummary[]
  next: string | null
  /** idle: nothing asked yet (no location, no search). */
  phase: 'idle' | 'loading' | 'ready' | 'more' | 'failed'
  problem: string | null
}

const IDLE: PlaceList = { items: [], next: null, phase: 'idle', problem: null }
export type PageLoader = (after?: string) => Promise<PlacePage>

/** A list of places page by page; a new loader starts over, `loadMore` follows the cursor. */
export function usePlaceList(loader: PageLoader | null) {
  const [list, setList] = useState<PlaceList>(IDLE)
  // Answers for an older loader (other filters, a left page) change nothing.
  const generation = useRef(0)
  const busy = useRef(false)

  const fetchPage = useCallback(
    async (after: string | null) => {
      if (!loader) return
      const id = generation.current
      busy.current = true
      try {
        const page = await loader(after ?? undefined)
        if (id !== generation.current) return
        setList((l) => ({
          items: after ? [...l.items, ...page.items] : page.items,
          next: page.next,
          phase: 'ready',
          problem: null,
        }))
      } catch (error) {
        if (id !== generation.current) return
        const problem = error instanceof ApiError ? error.message : '加载失败，请稍后重试'
        setList((l) => ({ ...l, phase: after ? 'ready' : 'failed', problem }))
      } finally {
        if (id === generation.current) busy.current = false
      }
    },
    [loader],
  )

  const reload = useCallback(() => {
    generation.current++
    busy.current = false
    setList(loader ? { ...IDLE, phase: 'loading' } : IDLE)
    void fetchPage(null)
  }, [fetchPage, loader])

  const loadMore = useCallback(() => {
    if (busy.current || !list.next || list.phase !== 'ready') return
    setList((l) => ({ ...l, phase: 'more' }))
    void fetchPage(list.next)
  }, [fetchPage, list.next, list.phase])

  useEffect(() => {
    reload()
    return () => {
      generation.current++
    }
  }, [reload])

  return { list, reload, loadMore }
}
