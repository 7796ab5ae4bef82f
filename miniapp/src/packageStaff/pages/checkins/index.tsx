import { chinaDateTime } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import type { Checkin } from '../../../services/checkins'
import { declineProblem } from '../../places/decline'
import { useCheckinQueue } from '../../places/useCheckinQueue'
import NoteDialog from '../../review/NoteDialog'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 报到审核: flow members checking in at my jurisdiction's branches, approved or declined. */
function CheckinReviewPage() {
  return (
    <StaffOnly>
      <CheckinReview />
    </StaffOnly>
  )
}

function CheckinReview() {
  const region = useRouteRegion()
  const { state, reload, pending, busyId, decide } = useCheckinQueue(region)
  const [declining, setDeclining] = useState<Checkin | null>(null)
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <View className="page checkins">
      <RegionScope region={region} />
      {pending.length === 0 && <PageNotice text="没有待审核的报到。" />}
      {pending.map((checkin) => (
        <View key={checkin.id} className="card">
          <Text className="checkins__name">{checkin.memberName}</Text>
          <Text className="checkins__line">报到支部：{checkin.placeName}</Text>
          <Text className="checkins__line text-secondary">
            提交于 {chinaDateTime(checkin.createdAt)}
          </Text>
          {checkin.note && <Text className="checkins__line">留言：{checkin.note}</Text>}
          <View className="checkins__actions">
            <Button
              className="btn btn--primary checkins__action"
              hoverClass="btn--pressed"
              disabled={busyId === checkin.id || undefined}
              onClick={() => void decide(checkin, 'approve')}
            >
              同意
            </Button>
            <Button
              className="btn checkins__action"
              hoverClass="btn--pressed"
              disabled={busyId === checkin.id || undefined}
              onClick={() => setDeclining(checkin)}
            >
              不同意
            </Button>
          </View>
        </View>
      ))}
      {declining && (
        <NoteDialog
          title="不同意报到"
          label="原因"
          placeholder="如：不属于本支部联系范围"
          explanation={`${declining.memberName} 将看到“未通过”和你填写的原因。`}
          confirmText="确认不同意"
          check={(note) => declineProblem(note)}
          onConfirm={async (note) => {
            if (await decide(declining, 'decline', note)) setDeclining(null)
          }}
          onClose={() => setDeclining(null)}
        />
      )}
    </View>
  )
}

export default withPageFrame(CheckinReviewPage)
