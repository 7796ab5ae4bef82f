import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../services/http'
import type { RemoteState } from './useRemote'

export interface PagedList<T, About = never> {
  items: T[]
  next: string | null
  /** What the first page said about the whole list (e.g. the radius it covers). */
  about?: About
  /** idle: nothing asked yet (no loader, e.g. no location and no search). */
  phase: 'idle' | 'loading' | 'ready' | 'more' | 'failed'
  problem: string | null
}

export type PageLoader<T, About = never> = (
  after?: string,
) => Promise<{ items: T[]; next: string | null; about?: About }>

const IDLE: PagedList<never> = { items: [], next: null, phase: 'idle', problem: null }

/**
 * Any keyset-paged list: a new loader (other filters, another tab) starts over, `loadMore`
 * follows the cursor. Answers for an older loader or a page left change nothing.
 */
export function usePagedList<T, About = never>(loader: PageLoader<T, About> | null) {
  const [list, setList] = useState<PagedList<T, About>>(
    loader ? { ...IDLE, phase: 'loading' } : IDLE,
  )
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
          about: after ? l.about : page.about,
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

/** A list fetched whole (useRemote) in the paged shape the list components take: no more. */
export function wholeList<T>(state: RemoteState<readonly T[]>): PagedList<T> {
  if (state.phase === 'loading') return { ...IDLE, phase: 'loading' }
  if (state.phase === 'failed') return { ...IDLE, phase: 'failed', problem: state.error.message }
  return { items: [...state.value], next: null, phase: 'ready', problem: null }
}
