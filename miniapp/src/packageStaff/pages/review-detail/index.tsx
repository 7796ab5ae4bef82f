import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import StaffOnly from '../../../components/StaffOnly'
import DetailPane from '../../review/DetailPane'

/** One entry beside the registers' evidence, with the decisions and the history. */
function ReviewDetailPage() {
  const { params } = useRouter()
  return (
    <StaffOnly>
      <View className="page detail">
        <DetailPane id={params.id} />
      </View>
    </StaffOnly>
  )
}

export default withPageFrame(ReviewDetailPage)
