import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { pendingChanged } from '../../desk/pending-changed'
import { showFailure } from '../../hooks/failure'
import { useMutation } from '../../hooks/useMutation'
import { type PagedList, usePagedList } from '../../hooks/usePagedList'
import { type Checkin, decideCheckin, fetchCheckins } from '../../services/checkins'

export type CheckinTab = 'pending' | 'approved' | 'declined'

/**
 * Check-ins at my jurisdiction's branches in one state, page by page with the server's total:
 * the pending ones to decide (a decided one leaves the list and the total), or the history.
 */
export function useCheckinQueue(tab: CheckinTab, region?: string) {
  const loader = useCallback(
    async (after?: string) => {
      const page = await fetchCheckins(tab, after, region)
      return { items: page.items, next: page.next, about: page.total }
    },
    [tab, region],
  )
  const { list, reload, loadMore } = usePagedList<Checkin, number>(loader)
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set())
  const deciding = useMutation<string>({ failure: { dialog: '操作未成功' } })
  const settle = (id: string) => setDecided((ids) => new Set([...ids, id]))

  const decide = async (
    checkin: Checkin,
    decision: 'approve' | 'decline',
    note?: string,
  ): Promise<boolean> => {
    const outcome = await deciding.run(async () => {
      await decideCheckin(checkin.id, { decision, ...(note ? { note } : {}) })
      settle(checkin.id)
      pendingChanged()
      await Taro.showToast({ title: decision === 'approve' ? '已同意' : '已退回', icon: 'success' })
    }, checkin.id)
    return outcome.ok
  }

  /** 批量同意 at the desk: one confirmation for all, each approved on its own (and audited). */
  const approveAll = async (rows: Checkin[]): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: '批量同意报到',
      content: `同意这 ${rows.length} 人报到？同意后他们将看到“已报到”。`,
      confirmText: '确认同意',
      cancelText: '再看看',
    })
    if (!confirm) return
    let done = 0
    let failure: unknown = null
    for (const row of rows) {
      try {
        await decideCheckin(row.id, { decision: 'approve' })
        settle(row.id)
        done += 1
      } catch (error) {
        failure ??= error
      }
    }
    pendingChanged()
    if (failure) await showFailure(`已同意 ${done} 条，${rows.length - done} 条未成功`, failure)
    else await Taro.showToast({ title: `已同意 ${done} 条`, icon: 'success' })
  }

  // What the server listed, less what was decided here since; the total likewise.
  const gone = list.items.filter((item) => decided.has(item.id)).length
  const queue: PagedList<Checkin, number> =
    tab === 'pending'
      ? { ...list, items: list.items.filter((item) => !decided.has(item.id)) }
      : list
  const total = list.about === undefined ? null : list.about - (tab === 'pending' ? gone : 0)
  return { queue, total, reload, loadMore, busyId: deciding.running, decide, approveAll }
}
