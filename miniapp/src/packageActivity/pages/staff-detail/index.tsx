import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import StaffOnly from '../../../components/StaffOnly'
import StaffActivityPanel from '../../activity/StaffActivityPanel'
import '../../activity/activity.scss'

/** 活动详情 for the organiser: sign-in QR, sign-ups, attendance, cancel and close. */
function StaffActivityPage() {
  const { params } = useRouter()
  return (
    <StaffOnly>
      <View className="page activities">
        <StaffActivityPanel id={params.id} />
      </View>
    </StaffOnly>
  )
}

export default withPageFrame(StaffActivityPage)
