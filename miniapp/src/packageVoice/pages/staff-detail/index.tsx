import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import StaffOnly from '../../../components/StaffOnly'
import StaffDifficultyPanel from '../../voice/StaffDifficultyPanel'
import '../../voice/voice.scss'

/** 诉求详情 for staff: the rider's words and photos, every answer, reply, forward, close. */
function StaffDifficultyPage() {
  const { params } = useRouter()
  return (
    <StaffOnly>
      <View className="page voice">
        <StaffDifficultyPanel id={params.id} />
      </View>
    </StaffOnly>
  )
}

export default withPageFrame(StaffDifficultyPage)
