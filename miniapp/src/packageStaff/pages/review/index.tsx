import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import RegionScope from '../../../components/RegionScope'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { staffPages } from '../../../routes'
import type { ReviewFilters } from '../../../services/review'
import { BulkBar, BulkResult } from '../../review/BulkPanel'
import FilterBar from '../../review/FilterBar'
import { isBulkVerifiable, routeFilters } from '../../review/filters'
import QueueItem from '../../review/QueueItem'
import { useBulkVerify } from '../../review/useBulkVerify'
import { type Queue, useReviewQueue } from '../../review/useReviewQueue'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 登记核验: the jurisdiction's entries oldest first, filtered, with a bulk mode for strong ones. */
function ReviewQueuePage() {
  return (
    <StaffOnly>
      <ReviewQueue />
    </StaffOnly>
  )
}

function ReviewQueue() {
  // A ledger figure opens the queue with the filters it counted by.
  const { params } = useRouter()
  const [filters, setFilters] = useState<ReviewFilters>(() => routeFilters(params))
  const { region } = filters
  const { queue, reload, loadMore } = useReviewQueue(filters)
  const bulk = useBulkVerify(reload)
  const shown = useRef(false)

  // Back from an entry: its state may have changed there.
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  useReachBottom(loadMore)
  const eligible = queue.items.filter(isBulkVerifiable)
  const open = (id: string) =>
    Taro.navigateTo({ url: `${staffPages.reviewDetail}?id=${encodeURIComponent(id)}` })

  return (
    <View className={`page review${bulk.on ? ' review--bulk' : ''}`}>
      <RegionScope region={region} />
      <FilterBar filters={filters} onChange={setFilters} />
      {bulk.result && (
        <BulkResult result={bulk.result} items={queue.items} onClose={bulk.dismiss} />
      )}
      {!bulk.on && eligible.length > 0 && (
        <Button className="btn review__bulk-start" hoverClass="btn--pressed" onClick={bulk.start}>
          批量核验（{eligible.length} 条证据充分）
        </Button>
      )}
      <QueueStatus queue={queue} onRetry={reload} />
      {queue.items.map((item) => (
        <QueueItem
          key={item.id}
          item={item}
          selectable={bulk.on && isBulkVerifiable(item)}
          selected={bulk.selected.has(item.id)}
          onOpen={() => open(item.id)}
          onToggle={() => bulk.toggle(item.id)}
        />
      ))}
      <QueueFoot queue={queue} onMore={loadMore} />
      {bulk.on && (
        <BulkBar
          count={bulk.selected.size}
          busy={bulk.busy}
          onVerify={bulk.verify}
          onCancel={bulk.stop}
        />
      )}
    </View>
  )
}

/** Loading, failed, or nothing to show. */
function QueueStatus({ queue, onRetry }: { queue: Queue; onRetry: () => void }) {
  if (queue.phase === 'loading') return <PageNotice text="正在加载…" />
  if (queue.phase === 'failed')
    return <PageNotice text={queue.problem ?? '加载失败'} onRetry={onRetry} />
  if (queue.items.length === 0) return <PageNotice text="没有符合条件的登记。" />
  return null
}

/** 加载更多 while the cursor says there is more; 已显示全部 when not. */
function QueueFoot({ queue, onMore }: { queue: Queue; onMore: () => void }) {
  if (queue.phase === 'loading' || queue.phase === 'failed') return null
  return (
    <>
      {queue.next ? (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          disabled={queue.phase === 'more' || undefined}
          onClick={onMore}
        >
          {queue.phase === 'more' ? '正在加载…' : '加载更多'}
        </Button>
      ) : (
        queue.items.length > 0 && <Text className="review__end text-secondary">已显示全部</Text>
      )}
      {queue.problem && <Text className="review__problem">{queue.problem}</Text>}
    </>
  )
}

export default withPageFrame(ReviewQueuePage)
