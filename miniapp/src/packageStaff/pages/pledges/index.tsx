import {
  chinaDateTime,
  type PledgeQueueItem as Item,
  PledgeStatus,
  type PledgeVersionState,
  pledgeTitles,
} from '@djt/shared'
import { View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly from '../../../components/StaffOnly'
import Tabs from '../../../components/Tabs'
import DeskSplit from '../../../desk/DeskSplit'
import DeskTable from '../../../desk/DeskTable'
import { pendingChanged } from '../../../desk/pending-changed'
import type { DeskColumn } from '../../../desk/table'
import { useDeskLayout } from '../../../desk/useDeskLayout'
import { staffPages } from '../../../routes'
import PledgeDetail from '../../pledges/PledgeDetail'
import PledgeQueueItem from '../../pledges/PledgeQueueItem'
import { usePledgeQueue } from '../../pledges/usePledgeQueue'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

interface Tab {
  state: PledgeVersionState
  /** The pledge's own status: 公示中 is approved and active, what the ledger counts. */
  status?: PledgeStatus
  label: string
}
const pendingTab: Tab = { state: 'pending', label: '待审核' }
const tabs: readonly Tab[] = [
  pendingTab,
  { state: 'approved', status: 'active', label: '公示中' },
  { state: 'approved', label: '已通过' },
  { state: 'returned', label: '退回' },
  { state: 'rejected', label: '不予通过' },
]

/** 承诺审核: pledges in my jurisdiction by review state, oldest first (事前把关). */
function PledgeQueuePage() {
  return (
    <StaffOnly>
      <PledgeQueueBody />
    </StaffOnly>
  )
}

function PledgeQueueBody() {
  // The ledger links here with ?state=approved&status=active (its public pledges).
  const { params } = useRouter()
  const asked = { state: params.state, status: PledgeStatus.safeParse(params.status).data }
  const [tab, setTab] = useState<Tab>(
    () => tabs.find((t) => t.state === asked.state && t.status === asked.status) ?? pendingTab,
  )
  const region = useRouteRegion()
  const { queue, reload, loadMore } = usePledgeQueue(tab.state, region, tab.status)
  const shown = useRef(false)
  // Back from a pledge: it may have been decided there.
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  useReachBottom(loadMore)
  // At the desk the pledge opens beside the list; on a phone, as its own page.
  const desk = useDeskLayout()
  const [chosen, setChosen] = useState<Item | null>(null)
  const open = (item: Item) =>
    desk
      ? setChosen(item)
      : Taro.navigateTo({
          url: `${staffPages.pledgeDetail}?id=${encodeURIComponent(item.pledgeId)}`,
        })
  const changed = () => {
    pendingChanged()
    reload()
  }

  return (
    <View className="page pledge-queue">
      <RegionScope region={region} />
      <Tabs
        tabs={tabs.map((each) => ({ key: each.label, label: each.label }))}
        current={tab.label}
        onChange={(label) => {
          setChosen(null)
          setTab(tabs.find((each) => each.label === label) ?? pendingTab)
        }}
      />
      <DeskSplit
        title="承诺详情"
        detail={
          desk && chosen ? (
            <PledgeDetail key={chosen.versionId} id={chosen.pledgeId} onChanged={changed} />
          ) : null
        }
        onClose={() => setChosen(null)}
      >
        <DeskTable
          caption={`${tab.label}的承诺`}
          list={queue}
          total={queue.about ?? null}
          columns={columns}
          keyOf={(item) => item.versionId}
          empty="没有这一类的承诺。"
          onMore={loadMore}
          onRetry={reload}
          onOpen={open}
          shownBeside={chosen?.versionId ?? null}
          card={(item) => <PledgeQueueItem item={item} onOpen={() => open(item)} />}
        />
      </DeskSplit>
    </View>
  )
}

const columns: DeskColumn<Item>[] = [
  {
    key: 'name',
    title: '经营者',
    value: (item) => item.displayName,
    sortable: true,
    filter: 'text',
  },
  {
    key: 'kind',
    title: '类型',
    value: (item) => pledgeTitles[item.kind],
    filter: 'choice',
    width: '8em',
  },
  {
    key: 'business',
    secondary: true,
    title: '经营内容',
    value: (item) => item.business,
    filter: 'text',
  },
  {
    key: 'region',
    secondary: true,
    title: '地区',
    value: (item) => item.regionName,
    sortable: true,
    filter: 'choice',
  },
  {
    key: 'version',
    title: '版本',
    value: (item) => item.number,
    render: (item) => `第 ${item.number} 版${item.isEdit ? '（修改）' : ''}`,
    sortable: true,
    width: '7em',
  },
  {
    key: 'flags',
    secondary: true,
    title: '内容检查',
    value: (item) => item.checkNotes.join('；') || '无提示',
    filter: 'choice',
  },
  {
    key: 'submitted',
    title: '提交时间',
    value: (item) => item.submittedAt,
    render: (item) => chinaDateTime(item.submittedAt),
    sortable: true,
    width: '11em',
  },
]

export default withPageFrame(PledgeQueuePage)
