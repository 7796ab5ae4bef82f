import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import ReportForm from '../../report/ReportForm'
import '../../voice/voice.scss'

/** 监督共治报告: the form; sent, the rider is taken back to their reports. */
function ReportPage() {
  return (
    <View className="page voice">
      <ReportForm
        onReported={() => {
          void Taro.showToast({ title: '已提交', icon: 'success' })
          void Taro.navigateBack()
        }}
      />
    </View>
  )
}

export default withPageFrame(ReportPage)
