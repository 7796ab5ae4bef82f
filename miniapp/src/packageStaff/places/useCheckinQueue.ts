import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { pendingChanged } from '../../desk/pending-changed'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { type Checkin, decideCheckin, fetchCheckins } from '../../services/checkins'

export type CheckinTab = 'pending' | 'approved' | 'declined'

/**
 * Check-ins at my jurisdiction's branches in one state: the pending ones to decide (a decided
 * one leaves the list), or the history of those approved or declined.
 */
export function useCheckinQueue(tab: CheckinTab, region?: string) {
  const load = useCallback(() => fetchCheckins(tab, region), [tab, region])
  const { state, reload } = useRemote(load)
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set())
  const deciding = useMutation<string>({ failure: { dialog: '操作未成功' } })

  const decide = async (
    checkin: Checkin,
    decision: 'approve' | 'decline',
    note?: string,
  ): Promise<boolean> => {
    const outcome = await deciding.run(async () => {
      await decideCheckin(checkin.id, { decision, ...(note ? { note } : {}) })
      setDecided((ids) => new Set([...ids, checkin.id]))
      pendingChanged()
      await Taro.showToast({ title: decision === 'approve' ? '已同意' : '已退回', icon: 'success' })
    }, checkin.id)
    return outcome.ok
  }
  const pending =
    state.phase === 'loaded' ? state.value.filter((item) => !decided.has(item.id)) : []
  return { state, reload, pending, busyId: deciding.running, decide }
}
