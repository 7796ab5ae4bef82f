import type { Me, Region, UserKind } from '@djt/shared'

export const userKindNames: Record<UserKind, string> = {
  rider: '网约配送员',
  operator: '经营户',
  market_opener: '专业市场开办者',
}

const levelOrder: Record<Region['level'], number> = { province: 0, city: 1, county: 2 }

/**
 * The ancestors to write before a region's own name, province left out as locals do
 * (福州市 + 鼓楼区); a province stands alone.
 */
export function jurisdictionPrefix(ancestors: Region[]): string {
  return [...ancestors]
    .sort((a, b) => levelOrder[a.level] - levelOrder[b.level])
    .filter((region) => region.level !== 'province')
    .map((region) => region.name)
    .join('')
}

/** `2026-11-05` in the phone's time zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** What 我的 says about the privacy notice for this person. */
export function privacySummary(user: Me | null): string {
  if (!user) return ''
  if (!user.privacy) return '未同意'
  return `已同意 ${user.privacy.version} 版`
}
