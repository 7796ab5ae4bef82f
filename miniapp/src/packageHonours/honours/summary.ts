import {
  chinaDate,
  type Honour,
  honourStateNames,
  type PublicHonour,
  platformNames,
  type StaffHonour,
} from '@djt/shared'

/** What the rider reads about where their honour stands. */
export function myHonourState(honour: Honour): string {
  if (honour.state === 'accepted') return `已公开，署名“${honour.shownName ?? ''}”`
  if (honour.state === 'pending') return '待你确认：是否在最美骑手榜上公开'
  if (honour.state === 'declined') return '你已选择不公开，榜单上不显示'
  return `已撤销${honour.revokeReason ? `：${honour.revokeReason}` : ''}`
}

/** 党师傅 · 美团 */
export function publicByline(honour: PublicHonour): string {
  return [honour.shownName, honour.platform && platformNames[honour.platform]]
    .filter(Boolean)
    .join(' · ')
}

/** The staff's one line of an honour: its state, and the name shown when public. */
export function staffHonourState(honour: StaffHonour): string {
  const state = honourStateNames[honour.state]
  if (honour.state === 'accepted') return `${state}（署名：${honour.shownName ?? ''}）`
  if (honour.state === 'revoked') return `${state}：${honour.revokeReason ?? ''}`
  return state
}

export function nominatedOn(honour: { nominatedAt: string }): string {
  return `推荐于 ${chinaDate(honour.nominatedAt)}`
}
