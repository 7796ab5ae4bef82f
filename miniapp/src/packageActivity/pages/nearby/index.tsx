import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import { PageNotice } from '../../../components/StaffOnly'
import { useRemote } from '../../../hooks/useRemote'
import { locate } from '../../../places/locate'
import { activityPages } from '../../../routes'
import { activitiesNearby } from '../../../services/activities'
import { ApiError } from '../../../services/http'
import MemberActivityCard from '../../activity/MemberActivityCard'
import { sourceOf, sourceQuery } from '../../activity/member-source'
import '../../activity/activity.scss'

/** The point 附近 sent along, or the phone's own (used for this query only). */
async function nearbyFrom(params: Partial<Record<string, string>>) {
  const given = sourceOf(params)
  if (given.from === 'nearby') return { point: given, items: await activitiesNearby(given) }
  const located = await locate()
  if (!located.ok)
    throw new ApiError({ code: 'validation_failed', message: located.message, status: 0 })
  const point = { from: 'nearby' as const, ...located.point }
  return { point, items: await activitiesNearby(point) }
}

/** 附近的组织生活: upcoming activities open to me within 10 km, nearest and soonest first. */
function NearbyActivitiesPage() {
  const { params } = useRouter()
  const { state, reload } = useRemote(() => nearbyFrom(params))
  if (state.phase === 'loading') return <PageNotice text="正在查找附近的活动…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  const { point, items } = state.value
  return (
    <View className="page activities">
      <Text className="text-secondary activity__explain">
        10 公里内即将开始的活动，由近到远。自愿参加，不计积分。
      </Text>
      {items.length === 0 && <PageNotice text="附近暂时没有可报名的活动。" />}
      {items.map((activity) => (
        <MemberActivityCard
          key={activity.id}
          activity={{ ...activity, attendedAt: null }}
          onOpen={() =>
            Taro.navigateTo({ url: `${activityPages.detail}?${sourceQuery(activity.id, point)}` })
          }
        />
      ))}
    </View>
  )
}

export default withPageFrame(NearbyActivitiesPage)
