import { chinaDateTime } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type ReactNode, useState } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly from '../../../components/StaffOnly'
import Tabs from '../../../components/Tabs'
import DeskTable from '../../../desk/DeskTable'
import type { DeskColumn } from '../../../desk/table'
import type { Checkin } from '../../../services/checkins'
import { declineProblem } from '../../places/decline'
import { type CheckinTab, useCheckinQueue } from '../../places/useCheckinQueue'
import NoteDialog from '../../review/NoteDialog'
import './index.scss'

/** 报到审核: flow members checking in at my jurisdiction's branches, approved or declined. */
function CheckinReviewPage() {
  return (
    <StaffOnly>
      <CheckinReview />
    </StaffOnly>
  )
}

const tabs: readonly { key: CheckinTab; label: string; empty: string }[] = [
  { key: 'pending', label: '待审核', empty: '没有待审核的报到。' },
  { key: 'approved', label: '已同意', empty: '还没有同意过的报到。' },
  { key: 'declined', label: '未同意', empty: '还没有未同意的报到。' },
]

function CheckinReview() {
  const region = useRouteRegion()
  const [tab, setTab] = useState<CheckinTab>('pending')
  return (
    <View className="page checkins">
      <RegionScope region={region} />
      <Tabs tabs={tabs} current={tab} onChange={setTab} />
      <CheckinList key={tab} tab={tab} region={region} />
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

/** A decision's reason replaces the member's note once there is one. */
const noteLabel = (tab: CheckinTab) => (tab === 'declined' ? '原因' : '留言')

function columnsOf(tab: CheckinTab): DeskColumn<Checkin>[] {
  const columns: DeskColumn<Checkin>[] = [
    { key: 'name', title: '姓名', value: (c) => c.memberName, sortable: true, filter: 'text' },
    {
      key: 'place',
      title: '报到支部',
      value: (c) => c.placeName,
      sortable: true,
      filter: 'choice',
    },
    {
      key: 'created',
      title: '提交时间',
      value: (c) => c.createdAt,
      render: (c) => chinaDateTime(c.createdAt),
      sortable: true,
      width: '11em',
    },
  ]
  if (tab !== 'pending')
    columns.push({
      key: 'decided',
      title: '处理时间',
      value: (c) => c.decidedAt ?? '',
      render: (c) => (c.decidedAt ? chinaDateTime(c.decidedAt) : '—'),
      sortable: true,
      width: '11em',
    })
  columns.push({ key: 'note', title: noteLabel(tab), value: (c) => c.note ?? '', filter: 'text' })
  return columns
}

function CheckinList({ tab, region }: { tab: CheckinTab; region?: string }) {
  const { queue, total, reload, loadMore, busyId, decide, approveAll } = useCheckinQueue(
    tab,
    region,
  )
  const [declining, setDeclining] = useState<Checkin | null>(null)
  const pending = tab === 'pending'
  const buttons = (checkin: Checkin) => (
    <DecisionButtons
      busy={busyId === checkin.id}
      onApprove={async () => {
        if (await confirmApproval(checkin)) await decide(checkin, 'approve')
      }}
      onDecline={() => setDeclining(checkin)}
    />
  )
  return (
    <>
      <DeskTable
        caption={`${tabs.find((item) => item.key === tab)?.label ?? ''}的报到`}
        list={queue}
        total={total}
        columns={columnsOf(tab)}
        keyOf={(checkin) => checkin.id}
        empty={tabs.find((item) => item.key === tab)?.empty ?? ''}
        onMore={loadMore}
        onRetry={reload}
        card={(checkin) => (
          <CheckinCard checkin={checkin} tab={tab}>
            {pending && buttons(checkin)}
          </CheckinCard>
        )}
        {...(pending ? { actions: buttons, bulk: [{ label: '批量同意', run: approveAll }] } : {})}
      />
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

function DecisionButtons({
  busy,
  onApprove,
  onDecline,
}: {
  busy: boolean
  onApprove: () => Promise<void>
  onDecline: () => void
}) {
  return (
    <View className="checkins__actions">
      <Button
        className="btn btn--primary checkins__action"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={() => void onApprove()}
      >
        同意
      </Button>
      <Button
        className="btn checkins__action"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={onDecline}
      >
        不同意
      </Button>
    </View>
  )
}

/** One check-in on a phone: who, where, when, what was said, and the buttons if pending. */
function CheckinCard({
  checkin,
  tab,
  children,
}: {
  checkin: Checkin
  tab: CheckinTab
  children?: ReactNode
}) {
  return (
    <View className="card">
      <Text className="checkins__name">{checkin.memberName}</Text>
      <Text className="checkins__line">报到支部：{checkin.placeName}</Text>
      <Text className="checkins__line text-secondary">
        提交于 {chinaDateTime(checkin.createdAt)}
        {checkin.decidedAt ? ` · 处理于 ${chinaDateTime(checkin.decidedAt)}` : ''}
      </Text>
      {checkin.note && (
        <Text className="checkins__line">
          {noteLabel(tab)}：{checkin.note}
        </Text>
      )}
      {children}
    </View>
  )
}

export default withPageFrame(CheckinReviewPage)
