import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { useRemote } from '../../hooks/useRemote'
import { fetchMyMembership } from '../../services/memberships'

/** The member's entry, loaded on open and again whenever the page shows (after 修改). */
export function useMyMembership() {
  const remote = useRemote(fetchMyMembership)
  const shown = useRef(false)
  useDidShow(() => {
    // The first show is the mount, which already loads.
    if (shown.current) remote.reload()
    shown.current = true
  })
  return remote
}
