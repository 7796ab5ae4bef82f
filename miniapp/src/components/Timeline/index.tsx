import type { TimelineEvent } from '@djt/shared'
import { chinaDateTime } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { timelineActionNames } from '../../membership/labels'
import './index.scss'

interface Props {
  events: readonly TimelineEvent[]
  /** Staff open a photo sent with an answer; without it the member sees that one was sent. */
  onPhoto?: (photoId: string) => void
}

/** What happened to an entry, newest first, times in Beijing time. */
export default function Timeline({ events, onPhoto }: Props) {
  const newestFirst = newestFirstOf(events)
  if (newestFirst.length === 0) return <Text className="text-secondary">暂无记录</Text>
  return (
    <View className="timeline">
      {newestFirst.map((event) => (
        <View className="timeline__item" key={`${event.at}-${event.action}`}>
          <View className="timeline__head">
            <Text className="timeline__action">{timelineActionNames[event.action]}</Text>
            <Text className="timeline__time text-secondary">{chinaDateTime(event.at)}</Text>
          </View>
          <Text className="timeline__actor text-secondary">{event.actor}</Text>
          {event.note && <Text className="timeline__note">{event.note}</Text>}
          {event.photoId && onPhoto && (
            <Text
              className="link timeline__photo"
              onClick={() => event.photoId && onPhoto(event.photoId)}
            >
              查看附带的照片
            </Text>
          )}
          {event.photoId && !onPhoto && (
            <Text className="timeline__note text-secondary">已附照片 1 张</Text>
          )}
        </View>
      ))}
    </View>
  )
}

/** Ties (two events in one instant) keep the later-listed event first, as the server lists oldest first. */
function newestFirstOf(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(b.event.at) - Date.parse(a.event.at) || b.index - a.index)
    .map(({ event }) => event)
}
