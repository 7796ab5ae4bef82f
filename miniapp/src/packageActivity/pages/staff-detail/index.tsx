import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { missingParameter, useRemote } from '../../../hooks/useRemote'
import { fetchStaffActivity } from '../../../services/activities'
import StaffActivityView from '../../activity/StaffActivityView'
import '../../activity/activity.scss'

/** 活动详情 for the organiser: sign-in QR, sign-ups, attendance, cancel and close. */
function StaffActivityPage() {
  return (
    <StaffOnly>
      <StaffActivity />
    </StaffOnly>
  )
}

function StaffActivity() {
  const { params } = useRouter()
  const { state, reload, replace } = useRemote(() =>
    params.id ? fetchStaffActivity(params.id) : missingParameter('缺少活动编号'),
  )
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <View className="page activities">
      <StaffActivityView activity={state.value} onChanged={replace} />
    </View>
  )
}

export default withPageFrame(StaffActivityPage)
