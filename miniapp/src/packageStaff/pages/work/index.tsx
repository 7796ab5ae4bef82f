import { chinaYear, WorkYear } from '@djt/shared'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly from '../../../components/StaffOnly'
import { useCurrentUser } from '../../../hooks/useSession'
import CommitteeSection from '../../work/CommitteeSection'
import LiaisonSection from '../../work/LiaisonSection'
import SummarySection from '../../work/SummarySection'
import TrainingSection from '../../work/TrainingSection'
import { canRecordCommittee, canRecordWork } from '../../work/work-model'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 本级工作: the year's progress, then training classes, liaison pairs and the 小个专党委. */
function WorkPage() {
  return (
    <StaffOnly>
      <WorkBody />
    </StaffOnly>
  )
}

function WorkBody() {
  const staff = useCurrentUser()?.staff
  const region = useRouteRegion()
  // A ledger figure names the year it counted (this year's, unless the year just turned).
  const asked = WorkYear.safeParse(useRouter().params.year).data
  if (!staff) return null
  const year = asked ?? chinaYear()
  // Opened from a ledger figure for one region under mine: its records, read only.
  const narrowed = region !== undefined && region !== staff.region.code
  const canWrite = canRecordWork(staff.level) && !narrowed
  return (
    <View className="page work">
      <RegionScope region={narrowed ? region : undefined} />
      <SummarySection year={year} scope={region} />
      <TrainingSection year={year} canWrite={canWrite} region={region} />
      <LiaisonSection canWrite={canWrite} region={region} />
      {canRecordCommittee(staff.level) && !narrowed && (
        <CommitteeSection regionCode={staff.region.code} />
      )}
    </View>
  )
}

export default withPageFrame(WorkPage)
