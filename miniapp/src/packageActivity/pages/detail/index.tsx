import { View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useRef } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import { PageNotice } from '../../../components/StaffOnly'
import { missingParameter, useRemote } from '../../../hooks/useRemote'
import { findActivity } from '../../activity/find-activity'
import MemberActivityView from '../../activity/MemberActivityView'
import { sourceOf } from '../../activity/member-source'
import '../../activity/activity.scss'

/** 活动详情 for a member: 报名, 取消报名, and 签到 at the venue. */
function ActivityDetailPage() {
  const { params } = useRouter()
  const { state, reload } = useRemote(() =>
    params.id ? findActivity(params.id, sourceOf(params)) : missingParameter('缺少活动编号'),
  )
  const shown = useRef(false)
  // Back from the scanner or another page: the sign-up may have changed.
  useDidShow(() => {
    if (shown.current && state.phase === 'loaded') reload()
    shown.current = true
  })
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <View className="page activities">
      <MemberActivityView activity={state.value} onChanged={reload} />
    </View>
  )
}

export default withPageFrame(ActivityDetailPage)
