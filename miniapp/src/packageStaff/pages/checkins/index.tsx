import { chinaDateTime } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import type { Checkin } from '../../../services/checkins'
import { declineProblem } from '../../places/decline'
import { type CheckinTab, useCheckinQueue } from '../../places/useCheckinQueue'
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

const tabs: readonly { tab: CheckinTab; label: string; empty: string }[] = [
  { tab: 'pending', label: '待审核', empty: '没有待审核的报到。' },
  { tab: 'approved', label: '已同意', empty: '还没有同意过的报到。' },
  { tab: 'declined', label: '未同意', empty: '还没有未同意的报到。' },
]

function CheckinReview() {
  const region = useRouteRegion()
  const [tab, setTab] = useState<CheckinTab>('pending')
  return (
    <View className="page checkins">
      <RegionScope region={region} />
      <View className="card checkins__tabs">
        {tabs.map((item) => (
          <Text
            key={item.tab}
            className={`checkins__tab${item.tab === tab ? ' checkins__tab--on' : ''}`}
            onClick={() => setTab(item.tab)}
          >
            {item.label}
          </Text>
        ))}
      </View>
      {tab === 'pending' ? (
        <PendingCheckins region={region} />
      ) : (
        <DecidedCheckins tab={tab} region={region} />
      )}
    </View>
  )
}

/** 同意 asks first: an approval tells the member they belong to the branch. */
async function confirmApproval(checkin: Checkin): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '同意报到',
    content: `同意 ${checkin.memberName} 在 ${checkin.placeName} 报到？同意后对方将看到“已报到”。`,
    confirmText: '确认同意',
    cancelText: '再看看',
  })
  return confirm
}

function PendingCheckins({ region }: { region?: string }) {
  const { state, reload, pending, busyId, decide } = useCheckinQueue('pending', region)
  const [declining, setDeclining] = useState<Checkin | null>(null)
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <>
      {pending.length === 0 && <PageNotice text={tabs[0]?.empty ?? ''} />}
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
              onClick={async () => {
                if (await confirmApproval(checkin)) await decide(checkin, 'approve')
              }}
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
    </>
  )
}

/** The history: who was approved or declined, when, and the reason given. */
function DecidedCheckins({ tab, region }: { tab: CheckinTab; region?: string }) {
  const { state, reload } = useCheckinQueue(tab, region)
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  const empty = tabs.find((item) => item.tab === tab)?.empty ?? ''
  if (state.value.length === 0) return <PageNotice text={empty} />
  return (
    <>
      {state.value.map((checkin) => (
        <View key={checkin.id} className="card">
          <Text className="checkins__name">{checkin.memberName}</Text>
          <Text className="checkins__line">报到支部：{checkin.placeName}</Text>
          <Text className="checkins__line text-secondary">
            提交于 {chinaDateTime(checkin.createdAt)}
            {checkin.decidedAt ? ` · 处理于 ${chinaDateTime(checkin.decidedAt)}` : ''}
          </Text>
          {/* A decision's reason replaces the member's note once there is one. */}
          {checkin.note && (
            <Text className="checkins__line">
              {tab === 'declined' ? '原因' : '留言'}：{checkin.note}
            </Text>
          )}
        </View>
      ))}
    </>
  )
}

export default withPageFrame(CheckinReviewPage)
