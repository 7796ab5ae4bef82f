import { Text, View } from '@tarojs/components'
import type { ShownActivity } from './member-source'
import { activityHeadline, seatsText, stateText, whereText } from './summary'

/** One activity in a member's list: what and when, where, seats, and their own part in it. */
export default function MemberActivityCard({
  activity,
  onOpen,
}: {
  activity: ShownActivity
  onOpen: () => void
}) {
  const mine = activity.attendedAt ? '已签到' : activity.signedUpByMe ? '已报名' : null
  return (
    <View className="card activity-card" hoverClass="activity-card--pressed" onClick={onOpen}>
      <Text className="activity-card__title">{activity.title}</Text>
      <Text className="activity-card__line">{activityHeadline(activity)}</Text>
      <Text className="activity-card__line text-secondary">
        {whereText(activity, activity.distance)} · {seatsText(activity)}
        {activity.state === 'published' ? '' : ` · ${stateText(activity)}`}
      </Text>
      {mine && <Text className="activity__mine">{mine}</Text>}
    </View>
  )
}
