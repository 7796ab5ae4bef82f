import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import StaffOnly from '../../../components/StaffOnly'
import StaffReportPanel from '../../report/StaffReportPanel'
import '../../voice/voice.scss'

/** 报告详情 for staff: the merchant, what the rider saw and photographed, the outcome. */
function StaffReportPage() {
  const { params } = useRouter()
  return (
    <StaffOnly>
      <View className="page voice">
        <StaffReportPanel id={params.id} />
      </View>
    </StaffOnly>
  )
}

export default withPageFrame(StaffReportPage)
