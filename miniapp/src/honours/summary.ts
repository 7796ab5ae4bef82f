import type { Honour } from '@djt/shared'

/** 2026年 福州市最美骑手 */
export function honourTitle(honour: { year: number; cityName: string }): string {
  return `${honour.year}年 ${honour.cityName}最美骑手`
}

/** What 我的 says of the rider's honours: those shown, else how many wait for an answer. */
export function honoursSummary(honours: readonly Honour[]): string {
  const shown = honours.filter((h) => h.state === 'accepted')
  if (shown.length > 0) return shown.map(honourTitle).join('、')
  const waiting = honours.filter((h) => h.state === 'pending').length
  return waiting > 0 ? `${waiting}项待确认` : ''
}
