import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import RegionScope from '../../../components/RegionScope'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { useDeskLayout } from '../../../desk/useDeskLayout'
import { useKeys } from '../../../hooks/useKeys'
import { staffPages } from '../../../routes'
import type { ReviewFilters } from '../../../services/review'
import { BulkBar, BulkResult } from '../../review/BulkPanel'
import DetailPane from '../../review/DetailPane'
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
  const desk = useDeskLayout()
  const beside = useEntryBeside(queue, desk && !bulk.on, filters)
  const items = queue.items.filter((item) => !beside.decided.has(item.id))
  // Decisions at the desk empty the page loaded: the next page comes before it runs out.
  const runningOut = desk && items.length < 3 && queue.next !== null && queue.phase === 'ready'
  useEffect(() => {
    if (runningOut) loadMore()
  }, [runningOut, loadMore])
  const eligible = items.filter(isBulkVerifiable)
  const open = (id: string) =>
    desk
      ? beside.show(id)
      : Taro.navigateTo({ url: `${staffPages.reviewDetail}?id=${encodeURIComponent(id)}` })

  const list = (
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
      {items.map((item) => (
        <QueueItem
          key={item.id}
          item={item}
          selectable={bulk.on && isBulkVerifiable(item)}
          selected={bulk.selected.has(item.id) || (desk && !bulk.on && beside.id === item.id)}
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
  if (!desk) return list
  return (
    <View className="review-desk">
      <View className="review-desk__queue">{list}</View>
      <View className="review-desk__detail page detail">
        <Text className="review-desk__keys text-secondary">
          键盘：J / K 或 ↑ / ↓ 上下移动 · A 通过 · R 退回补充 · X 不通过 · 确认框中 Enter
          确认（填写原因时 Ctrl+Enter）· Esc 取消
        </Text>
        {beside.id ? (
          <DetailPane key={beside.id} id={beside.id} keys onDecided={beside.decide} />
        ) : (
          <PageNotice text="没有要核验的登记。" />
        )}
      </View>
    </View>
  )
}

/**
 * At a desk the entry opens beside the queue: J/K or ↑/↓ move through the queue, and after a
 * decision the entry leaves the list and the next one opens.
 */
function useEntryBeside(queue: Queue, enabled: boolean, filters: ReviewFilters) {
  const [id, setId] = useState<string | null>(null)
  // Kept with the filters they were decided under: other filters list other states, where
  // an entry decided here belongs (已核验).
  const [decisions, setDecisions] = useState<{ filters: ReviewFilters; ids: Set<string> }>({
    filters,
    ids: new Set(),
  })
  const decided: ReadonlySet<string> =
    decisions.filters === filters ? decisions.ids : new Set<string>()
  const open = queue.items.filter((item) => !decided.has(item.id))
  const index = open.findIndex((item) => item.id === id)
  // The first entry opens by itself; a filter that drops the one shown opens the first.
  useEffect(() => {
    if (enabled && index === -1 && open[0]) setId(open[0].id)
  }, [enabled, index, open[0]])
  const move = (step: number) => {
    const next = open[Math.min(Math.max(index + step, 0), open.length - 1)]
    if (next) setId(next.id)
  }
  useKeys(
    { j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1) },
    enabled,
  )
  const decide = () => {
    if (!id) return
    const after = open[index + 1] ?? open[index - 1]
    setDecisions((last) => ({
      filters,
      ids: new Set([...(last.filters === filters ? last.ids : []), id]),
    }))
    setId(after ? after.id : null)
  }
  return { id: enabled ? id : null, decided, show: setId, decide }
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
