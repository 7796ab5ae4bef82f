import type { TimelineEvent } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { formatShanghaiTime, timelineActionNames } from '../../membership/labels'
import './index.scss'

/** What happened to an entry, newest first, times in Beijing time. */
export default function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const newestFirst = newestFirstOf(events)
  if (newestFirst.length === 0) return <Text className="text-secondary">暂无记录</Text>
  return (
    <View className="timeline">
      {newestFirst.map((event) => (
        <View className="timeline__item" key={`${event.at}-${event.action}`}>
          <View className="timeline__head">
            <Text className="timeline__action">{timelineActionNames[event.action]}</Text>
            <Text className="timeline__time text-secondary">{formatShanghaiTime(event.at)}</Text>
          </View>
          <Text className="timeline__actor text-secondary">{event.actor}</Text>
          {event.note && <Text className="timeline__note">{event.note}</Text>}
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
