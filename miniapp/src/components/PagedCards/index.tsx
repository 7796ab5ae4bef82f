import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { tableFoot } from '../../desk/table'
import type { PagedList } from '../../hooks/usePagedList'
import { PageNotice } from '../StaffOnly'
import './index.scss'

export interface PagedCardsProps<T> {
  list: PagedList<T, unknown>
  /** The list's size over all pages when the server says it; null when it does not. */
  total: number | null
  keyOf: (row: T) => string
  card: (row: T) => ReactNode
  empty: string
  onMore: () => void
  onRetry: () => void
  /** The server sent part of the list and no way to the rest (a capped list): never 共 N 条. */
  partial?: boolean
}

/**
 * A paged list as cards (the phone's way): loading and failure notices, the cards, how many
 * of how many are shown, and 加载更多 while the server has more.
 */
export default function PagedCards<T>(props: PagedCardsProps<T>) {
  const { list, total, keyOf, card, empty, onMore, onRetry, partial = false } = props
  if (list.phase === 'loading') return <PageNotice text="正在加载…" />
  if (list.phase === 'failed')
    return <PageNotice text={list.problem ?? '加载失败'} onRetry={onRetry} />
  if (list.items.length === 0) return <PageNotice text={empty} />
  return (
    <>
      {list.items.map((row) => (
        <View key={keyOf(row)}>{card(row)}</View>
      ))}
      <View className="paged-cards__foot">
        <Text className="text-secondary">
          {tableFoot(list.items.length, list.items.length, total, list.next !== null || partial)}
        </Text>
        {list.problem && <Text className="paged-cards__problem">{list.problem}</Text>}
        {list.next && (
          <Button
            className="btn"
            hoverClass="btn--pressed"
            disabled={list.phase === 'more' || undefined}
            onClick={onMore}
          >
            {list.phase === 'more' ? '正在加载…' : '加载更多'}
          </Button>
        )}
      </View>
    </>
  )
}
