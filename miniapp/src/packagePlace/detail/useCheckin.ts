import type { MembershipState } from '@djt/shared'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useMutation } from '../../hooks/useMutation'
import { useCurrentUser } from '../../hooks/useSession'
import { type Checkin, checkIn, fetchMyCheckins } from '../../services/checkins'
import { fetchMyMembership } from '../../services/memberships'
import { checkinGate, latestCheckin } from './checkin-gate'

/** Whether this user may 报到 at the branch, their latest check-in there, and 报到 itself. */
export function useCheckin(placeId: string) {
  const user = useCurrentUser()
  const member = user?.role === 'user' ? user.id : undefined
  const [membership, setMembership] = useState<MembershipState | null | undefined>(undefined)
  const [latest, setLatest] = useState<Checkin | null>(null)
  const checking = useMutation({ failure: { dialog: '报到未成功' } })
  // Unknown after a failed read: 报到 is then offered and the server's 403 explains.
  const [checked, setChecked] = useState(false)

  useEffect(() => {
    if (!member) return
    let live = true
    fetchMyMembership()
      .then(
        (mine) => live && setMembership(mine?.state ?? null),
        () => undefined,
      )
      .finally(() => live && setChecked(true))
    fetchMyCheckins().then(
      (items) => live && setLatest(latestCheckin(items, placeId)),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [member, placeId])

  const submit = () =>
    checking.run(async () => {
      setLatest(await checkIn(placeId))
      await Taro.showToast({ title: '已提交报到', icon: 'success' })
    })

  const gate = checkinGate(user, membership)
  return { gate, loading: !!member && !checked, latest, busy: checking.busy, submit }
}
