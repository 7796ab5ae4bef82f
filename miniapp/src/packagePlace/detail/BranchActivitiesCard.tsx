import { activityKindNames, chinaDateTime } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRemote } from '../../hooks/useRemote'
import { activityUrl } from '../../routes'
import { activitiesAtPlace } from '../../services/activities'

/** The branch's upcoming 组织生活, soonest first; each opens its page (报名 there). */
export default function BranchActivitiesCard({ placeId }: { placeId: string }) {
  const { state } = useRemote(() => activitiesAtPlace(placeId))
  if (state.phase === 'loading') return null
  return (
    <View className="card">
      <Text className="card__title">近期组织生活</Text>
      {state.phase === 'failed' && <Text className="text-secondary">{state.error.message}</Text>}
      {state.phase === 'loaded' && state.value.length === 0 && (
        <Text className="text-secondary">暂无即将开展的活动。</Text>
      )}
      {state.phase === 'loaded' &&
        state.value.map((activity) => (
          <View
            key={activity.id}
            className="place__activity"
            hoverClass="place__activity--pressed"
            onClick={() =>
              Taro.navigateTo({
                url: `${activityUrl(activity.id)}&place=${encodeURIComponent(placeId)}`,
              })
            }
          >
            <Text className="place__line">{activity.title}</Text>
            <Text className="place__line text-secondary">
              {activityKindNames[activity.kind]} · {chinaDateTime(activity.startsAt)}
              {activity.signedUpByMe ? ' · 已报名' : ''}
            </Text>
          </View>
        ))}
    </View>
  )
}
