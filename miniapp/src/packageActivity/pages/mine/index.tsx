import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import { PageNotice } from '../../../components/StaffOnly'
import { useRemote } from '../../../hooks/useRemote'
import { activityUrl } from '../../../routes'
import { fetchMyActivities } from '../../../services/activities'
import MemberActivityCard from '../../activity/MemberActivityCard'
import '../../activity/activity.scss'

/** 我参加的活动: what I signed up for or attended, cancelled ones with their reason. */
function MyActivitiesPage() {
  const { state, reload } = useRemote(fetchMyActivities)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <View className="page activities">
      {state.value.length === 0 && <PageNotice text="你还没有报名过活动。" />}
      {state.value.map((activity) => (
        <MemberActivityCard
          key={activity.id}
          activity={{ ...activity, distance: null, openToMe: true }}
          onOpen={() => Taro.navigateTo({ url: activityUrl(activity.id) })}
        />
      ))}
    </View>
  )
}

export default withPageFrame(MyActivitiesPage)
