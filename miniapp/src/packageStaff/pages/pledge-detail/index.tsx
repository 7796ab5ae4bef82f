import { useRouter } from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import StaffOnly from '../../../components/StaffOnly'
import PledgeDetail from '../../pledges/PledgeDetail'

/** One pledge: decide the pending version, evaluate, suspend, and read what the public said. */
function PledgeDetailPage() {
  const { params } = useRouter()
  return (
    <StaffOnly>
      <PledgeDetail id={params.id} />
    </StaffOnly>
  )
}

export default withPageFrame(PledgeDetailPage)
