import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { useCurrentUser } from '../hooks/useSession'
import { fetchPendingCounts, type PendingCounts } from '../services/desk'
import { onPendingChanged } from './pending-changed'

/**
 * The staff menu's pending figures, fetched again each time the page shows (a decision made
 * on the page opened from here changes them) and after a decision made on the page. Null while unknown or when it failed: the menu
 * then shows no figure rather than a wrong one.
 */
export function usePendingCounts(): PendingCounts | null {
  const staff = Boolean(useCurrentUser()?.staff)
  const [counts, setCounts] = useState<PendingCounts | null>(null)
  const load = useCallback(() => {
    if (!staff) return
    fetchPendingCounts().then(setCounts, () => setCounts(null))
  }, [staff])
  useEffect(load, [load])
  useEffect(() => onPendingChanged(load), [load])
  useDidShow(load)
  return counts
}
