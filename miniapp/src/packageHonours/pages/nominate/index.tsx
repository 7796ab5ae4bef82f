import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import StaffOnly from '../../../components/StaffOnly'
import NominateForm from '../../honours/NominateForm'
import '../../honours/honours.scss'

/** 推荐最美骑手: the form; sent, staff return to the list, where the rider's answer shows. */
function NominatePage() {
  return (
    <StaffOnly>
      <View className="page honours">
        <NominateForm
          onNominated={() => {
            void Taro.showToast({ title: '已推荐，待骑手确认', icon: 'none' })
            void Taro.navigateBack()
          }}
        />
      </View>
    </StaffOnly>
  )
}

export default withPageFrame(NominatePage)
