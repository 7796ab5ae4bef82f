import type { PledgeContent, PledgeVersionState, PublicStatus } from '@djt/shared'
import type { Tone } from '../styles/tokens'

/** Green only when the plaque may be trusted; red when it must not be; orange in between. */
export const publicStatusTones: Record<
  PublicStatus,
  Extract<Tone, 'success' | 'attention' | 'danger'>
> = {
  valid: 'success',
  pending: 'attention',
  suspended: 'attention',
  revoked: 'danger',
  invalid: 'danger',
}

export const versionStateTones: Record<PledgeVersionState, Tone> = {
  pending: 'pending',
  approved: 'success',
  returned: 'attention',
  rejected: 'danger',
  superseded: 'muted',
}

/** ★★★★☆ for 4 of 5; rounds to the nearest whole star. */
export function stars(score: number | null): string {
  const full = score === null ? 0 : Math.max(0, Math.min(5, Math.round(score)))
  return '★'.repeat(full) + '☆'.repeat(5 - full)
}

/** 平均 4.5 分 / 12 条, or 暂无评价. */
export function ratingText(rating: { average: number | null; count: number }): string {
  if (rating.count === 0 || rating.average === null) return '暂无评价'
  return `平均 ${rating.average.toFixed(1)} / ${rating.count} 条`
}

type ContentField = Exclude<keyof PledgeContent, 'promises' | 'photoId'>

/** The 亮身份 and 亮职责 fields in the order a reader meets them. */
export const contentFields: readonly { key: ContentField; label: string }[] = [
  { key: 'displayName', label: '公示姓名' },
  { key: 'business', label: '经营户/站点' },
  { key: 'stall', label: '摊位号' },
  { key: 'role', label: '职责身份' },
  { key: 'duties', label: '职责内容' },
]

export interface ContentChange {
  label: string
  before: string
  after: string
}

/** What an edit changes, field by field, with promises compared as whole lists. */
export function contentChanges(before: PledgeContent, after: PledgeContent): ContentChange[] {
  const changes: ContentChange[] = []
  for (const { key, label } of contentFields) {
    const was = before[key] ?? ''
    const now = after[key] ?? ''
    if (was !== now) changes.push({ label, before: was || '（空）', after: now || '（空）' })
  }
  const promisesOf = (content: PledgeContent) => content.promises.map((p) => p.text)
  const removed = promisesOf(before).filter((text) => !promisesOf(after).includes(text))
  const added = promisesOf(after).filter((text) => !promisesOf(before).includes(text))
  for (const text of removed) changes.push({ label: '删去承诺', before: text, after: '' })
  for (const text of added) changes.push({ label: '新增承诺', before: '', after: text })
  if ((before.photoId ?? null) !== (after.photoId ?? null)) {
    changes.push({
      label: '摊位照片',
      before: before.photoId ? '有' : '无',
      after: after.photoId ? '已更换' : '无',
    })
  }
  return changes
}
