import type { OpeningHours } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { todayText, weekRows } from '../../places/hours'

/** Open now or not, today's hours in large, and the week's table. */
export default function HoursCard({ hours, openNow }: { hours: OpeningHours; openNow: boolean }) {
  return (
    <View className="card">
      <View className="place__hours-head">
        <Text className={`place__open${openNow ? ' place__open--yes' : ''}`}>
          {openNow ? '营业中' : '休息中'}
        </Text>
        <Text className="place__today">{todayText(hours)}</Text>
      </View>
      {!hours.always && (
        <View className="place__week">
          {weekRows(hours).map((row) => (
            <View
              key={row.day}
              className={`place__week-row${row.today ? ' place__week-row--today' : ''}`}
            >
              <Text>{row.day}</Text>
              <Text>{row.text}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
