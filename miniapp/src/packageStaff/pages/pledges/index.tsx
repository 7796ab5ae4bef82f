import type { PledgeVersionState } from '@djt/shared'
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

const tabs: readonly { state: PledgeVersionState; label: string }[] = [
  { state: 'pending', label: '待审核' },
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
  // The ledger links here with ?state=approved (its public pledges).
  const asked = useRouter().params.state
  const [state, setState] = useState<PledgeVersionState>(
    tabs.find((tab) => tab.state === asked)?.state ?? 'pending',
  )
  const region = useRouteRegion()
  const { queue, reload, loadMore } = usePledgeQueue(state, region)
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
        {tabs.map((tab) => (
          <Text
            key={tab.state}
            className={`pledge-queue__tab${tab.state === state ? ' pledge-queue__tab--on' : ''}`}
            onClick={() => setState(tab.state)}
          >
            {tab.label}
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
