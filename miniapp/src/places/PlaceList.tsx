import { Button, Text, View } from '@tarojs/components'
import type { PlaceSummary } from '../services/places'
import PlaceRow from './PlaceRow'
import { widenedText } from './reach'
import type { PlaceList as List } from './usePlaceList'

interface Props {
  list: List
  /** Some chip is on: an empty or widened list offers 清除筛选. */
  filtered?: boolean
  onOpen: (place: PlaceSummary) => void
  onMore: () => void
  onRetry: () => void
  onClearFilters?: () => void
}

/** Which radius is shown when it had to widen, the rows, then 加载更多 while there is more. */
export default function PlaceList(props: Props) {
  const { list, filtered, onOpen, onMore, onRetry, onClearFilters } = props
  if (list.phase === 'idle') return null
  if (list.phase === 'loading') return <Notice text="正在查找…" />
  if (list.phase === 'failed') return <Notice text={list.problem ?? '加载失败'} onRetry={onRetry} />
  const clear = filtered ? onClearFilters : undefined
  if (list.items.length === 0) return <Notice text={emptyText(list, filtered)} onClear={clear} />
  const widened = widenedText(list.about)
  return (
    <View className="nearby__list">
      {widened && <Notice text={widened} strong onClear={clear} />}
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

/** Nearby found nothing however far (`none`), or a county search found nothing. */
function emptyText(list: List, filtered: boolean | undefined): string {
  if (filtered) return '没有符合筛选条件的服务点。'
  if (list.about?.kind === 'none') return '暂时没有开放的服务点。'
  return '没有找到服务点，可以换个区县或关键词。'
}

interface NoticeProps {
  text: string
  /** Said as news (the list was widened), not as a grey aside. */
  strong?: boolean
  onRetry?: (() => void) | undefined
  onClear?: (() => void) | undefined
}

function Notice({ text, strong, onRetry, onClear }: NoticeProps) {
  return (
    <View className="card nearby__notice">
      <Text className={strong ? 'nearby__widened' : 'text-secondary'}>{text}</Text>
      {onRetry && (
        <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={onRetry}>
          重试
        </Button>
      )}
      {onClear && (
        <Button className="btn" hoverClass="btn--pressed" onClick={onClear}>
          清除筛选
        </Button>
      )}
    </View>
  )
}
