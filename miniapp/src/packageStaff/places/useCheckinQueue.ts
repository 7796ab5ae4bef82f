import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { type Checkin, decideCheckin, fetchPendingCheckins } from '../../services/checkins'

/** Pending check-ins at my jurisdiction's branches; a decided one leaves the list. */
export function useCheckinQueue(region?: string) {
  const load = useCallback(() => fetchPendingCheckins(region), [region])
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
      await Taro.showToast({ title: decision === 'approve' ? '已同意' : '已退回', icon: 'success' })
    }, checkin.id)
    return outcome.ok
  }
  const pending =
    state.phase === 'loaded' ? state.value.filter((item) => !decided.has(item.id)) : []
  return { state, reload, pending, busyId: deciding.running, decide }
}
