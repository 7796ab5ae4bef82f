import { Button, Text, View } from '@tarojs/components'
import type { PlaceSummary } from '../services/places'
import PlaceRow from './PlaceRow'
import type { PlaceList as List } from './usePlaceList'

interface Props {
  list: List
  onOpen: (place: PlaceSummary) => void
  onMore: () => void
  onRetry: () => void
}

/** The rows, then 加载更多 while the cursor says there is more. */
export default function PlaceList({ list, onOpen, onMore, onRetry }: Props) {
  if (list.phase === 'idle') return null
  if (list.phase === 'loading') return <Notice text="正在查找…" />
  if (list.phase === 'failed') return <Notice text={list.problem ?? '加载失败'} onRetry={onRetry} />
  if (list.items.length === 0)
    return <Notice text="附近没有符合条件的服务点，可以减少筛选条件或扩大范围。" />
  return (
    <View className="nearby__list">
      {list.items.map((place) => (
        <PlaceRow key={place.id} place={place} onOpen={() => onOpen(place)} />
      ))}
      {list.next ? (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          disabled={list.phase === 'more' || undefined}
          onClick={onMore}
        >
          {list.phase === 'more' ? '正在加载…' : '加载更多'}
        </Button>
      ) : (
        <Text className="nearby__end text-secondary">已显示全部</Text>
      )}
      {list.problem && <Text className="nearby__problem">{list.problem}</Text>}
    </View>
  )
}

function Notice({ text, onRetry }: { text: string; onRetry?: () => void }) {
  return (
    <View className="card">
      <Text className="text-secondary">{text}</Text>
      {onRetry && (
        <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}
