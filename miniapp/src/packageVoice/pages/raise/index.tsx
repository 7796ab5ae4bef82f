import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import RaiseForm from '../../voice/RaiseForm'
import '../../voice/voice.scss'

/** 提交诉求: the form; sent, the rider is taken to their difficulties. */
function RaisePage() {
  return (
    <View className="page voice">
      <RaiseForm
        onRaised={() => {
          void Taro.showToast({ title: '已提交', icon: 'success' })
          void Taro.navigateBack()
        }}
      />
    </View>
  )
}

export default withPageFrame(RaisePage)
