import { View } from '@tarojs/components'
import { todayInChina } from '../../../components/DateField'
import { useCurrentUser } from '../../../hooks/useSession'
import StaffOnly from '../../StaffOnly'
import CommitteeSection from '../../work/CommitteeSection'
import LiaisonSection from '../../work/LiaisonSection'
import SummarySection from '../../work/SummarySection'
import TrainingSection from '../../work/TrainingSection'
import { canRecordCommittee, canRecordWork } from '../../work/work-model'
import './index.scss'

/** 本级工作: the year's progress, then training classes, liaison pairs and the 小个专党委. */
export default function WorkPage() {
  return (
    <StaffOnly>
      <WorkBody />
    </StaffOnly>
  )
}

function WorkBody() {
  const staff = useCurrentUser()?.staff
  if (!staff) return null
  const year = Number(todayInChina().slice(0, 4))
  return (
    <View className="page work">
      <SummarySection year={year} />
      <TrainingSection year={year} canWrite={canRecordWork(staff.level)} />
      <LiaisonSection canWrite={canRecordWork(staff.level)} />
      {canRecordCommittee(staff.level) && <CommitteeSection regionCode={staff.region.code} />}
    </View>
  )
}
