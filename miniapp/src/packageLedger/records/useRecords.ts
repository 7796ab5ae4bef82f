import { useReachBottom } from '@tarojs/taro'
import { useCallback } from 'react'
import { usePagedList } from '../../hooks/usePagedList'

/** Any ledger list page by page with its total (the figure that opened it). */
export function useRecords<T>(
  load: (after?: string) => Promise<{ items: T[]; next: string | null; total?: number }>,
) {
  const loader = useCallback(
    async (after?: string) => {
      const page = await load(after)
      return { items: page.items, next: page.next, about: page.total }
    },
    [load],
  )
  const paged = usePagedList<T, number>(loader)
  useReachBottom(paged.loadMore)
  return paged
}
