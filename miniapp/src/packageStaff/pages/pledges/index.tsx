import { PledgeStatus, type PledgeVersionState } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { staffPages } from '../../../routes'
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
const same = (a: Tab, b: Tab) => a.state === b.state && a.status === b.status

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
  const open = (id: string) =>
    Taro.navigateTo({ url: `${staffPages.pledgeDetail}?id=${encodeURIComponent(id)}` })

  return (
    <View className="page pledge-queue">
      <RegionScope region={region} />
      <View className="card pledge-queue__tabs">
        {tabs.map((each) => (
          <Text
            key={each.label}
            className={`pledge-queue__tab${same(each, tab) ? ' pledge-queue__tab--on' : ''}`}
            onClick={() => setTab(each)}
          >
            {each.label}
          </Text>
        ))}
      </View>
      {queue.phase === 'loading' && <PageNotice text="正在加载…" />}
      {queue.phase === 'failed' && (
        <PageNotice text={queue.problem ?? '加载失败'} onRetry={reload} />
      )}
      {queue.phase !== 'loading' && queue.phase !== 'failed' && queue.items.length === 0 && (
        <PageNotice text="没有这一类的承诺。" />
      )}
      {queue.items.map((item) => (
        <PledgeQueueItem key={item.versionId} item={item} onOpen={() => open(item.pledgeId)} />
      ))}
      {queue.next && queue.phase !== 'failed' && (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          disabled={queue.phase === 'more' || undefined}
          onClick={loadMore}
        >
          {queue.phase === 'more' ? '正在加载…' : '加载更多'}
        </Button>
      )}
      {queue.problem && queue.phase === 'ready' && (
        <Text className="pledge-queue__problem">{queue.problem}</Text>
      )}
    </View>
  )
}

export default withPageFrame(PledgeQueuePage)
