import type { MembershipState } from '@djt/shared'
import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchMyMembership } from '../services/memberships'

/**
 * The state of a member's own entry for 我的: null when there is none, undefined while
 * unknown (loading, failed, or nobody is signed in as a member). Asked again on every show
 * after the first: the entry changes on other pages and on the bureau's side.
 */
export function useMyMembershipState(memberId: string | undefined) {
  const [state, setState] = useState<MembershipState | null | undefined>(undefined)
  const latest = useRef(0)

  const reload = useCallback(() => {
    const id = ++latest.current
    if (!memberId) return setState(undefined)
    fetchMyMembership().then(
      (mine) => id === latest.current && setState(mine?.state ?? null),
      // 我的 still works without it: the row then opens the register page, which asks again.
      () => id === latest.current && setState(undefined),
    )
  }, [memberId])

  useEffect(() => {
    reload()
    return () => {
      latest.current++
    }
  }, [reload])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  return state
}
