import {
  activityPages,
  honourPages,
  ledgerPages,
  mainPages,
  staffPages,
  voicePages,
} from '../routes'

/** What a pending count counts: the queue the page opens on. */
export type PendingKey = 'review' | 'checkins' | 'pledges' | 'pledgeReports' | 'supervisionReports'

export interface DeskItem {
  label: string
  url: string
  pending?: PendingKey
}

export interface DeskGroup {
  label: string
  items: DeskItem[]
}

/**
 * The staff menu grouped by task: the desk's left navigation and 我的's list on a phone.
 * Labels are the pages' own titles, so the menu, the page and the breadcrumb agree.
 */
export const deskGroups: readonly DeskGroup[] = [
  {
    label: '核验',
    items: [
      { label: '登记核验', url: staffPages.review, pending: 'review' },
      { label: '名录导入', url: staffPages.import },
    ],
  },
  {
    label: '场所与报到',
    items: [
      { label: '场所管理', url: staffPages.places },
      { label: '报到审核', url: staffPages.checkins, pending: 'checkins' },
      { label: '平台站点', url: staffPages.platformSites },
    ],
  },
  {
    label: '承诺与监督',
    items: [
      { label: '承诺审核', url: staffPages.pledges, pending: 'pledges' },
      { label: '群众举报', url: staffPages.pledgeReports, pending: 'pledgeReports' },
      { label: '比作为排名', url: staffPages.pledgeRanking },
    ],
  },
  {
    label: '台账与报告',
    items: [
      { label: '台账', url: ledgerPages.dashboard },
      { label: '半年报告', url: ledgerPages.reports },
    ],
  },
  { label: '组织生活', items: [{ label: '组织生活', url: activityPages.staffList }] },
  {
    label: '骑手诉求',
    items: [
      { label: '骑手诉求', url: voicePages.staffList },
      { label: '诉求热点', url: voicePages.staffHotspots },
      { label: '监督共治报告', url: voicePages.staffReports, pending: 'supervisionReports' },
    ],
  },
  { label: '最美骑手', items: [{ label: '最美骑手', url: honourPages.staffList }] },
  { label: '本级工作', items: [{ label: '本级工作', url: staffPages.work }] },
  {
    label: '账号',
    items: [
      { label: '我的', url: mainPages.me },
      { label: '绑定动态验证码', url: staffPages.mfa },
    ],
  },
]

/** Pages reached from a menu page: their own title, and the page they belong under. */
const subPages: Readonly<Record<string, { label: string; parent: string }>> = {
  [staffPages.reviewDetail]: { label: '登记详情', parent: staffPages.review },
  [staffPages.placeEdit]: { label: '编辑场所', parent: staffPages.places },
  [staffPages.placeImport]: { label: '场所导入', parent: staffPages.places },
  [staffPages.pledgeDetail]: { label: '承诺详情', parent: staffPages.pledges },
  [activityPages.staffEdit]: { label: '发布活动', parent: activityPages.staffList },
  [activityPages.staffDetail]: { label: '活动详情', parent: activityPages.staffList },
  [voicePages.staffDetail]: { label: '诉求详情', parent: voicePages.staffList },
  [honourPages.nominate]: { label: '推荐最美骑手', parent: honourPages.staffList },
  [voicePages.staffReport]: { label: '报告详情', parent: voicePages.staffReports },
  [ledgerPages.records]: { label: '台账明细', parent: ledgerPages.dashboard },
  [ledgerPages.report]: { label: '台账报告', parent: ledgerPages.reports },
}

export interface DeskPlace {
  /** The page's title. */
  title: string
  /** The menu item it is, or sits under (highlighted in the navigation). */
  item: DeskItem
  group: DeskGroup
  /** 核验 › 登记核验 › 登记详情: every step but the last opens its page. */
  trail: { label: string; url?: string }[]
}

/** Where a staff page sits in the desk; null for pages outside it (sign-in, riders' pages). */
export function deskPlaceOf(path: string): DeskPlace | null {
  const route = normalise(path)
  const sub = subPages[route]
  const menuUrl = sub ? sub.parent : route
  for (const group of deskGroups) {
    const item = group.items.find((candidate) => candidate.url === menuUrl)
    if (!item) continue
    if (item.url === mainPages.me) return null
    const trail: DeskPlace['trail'] = [{ label: group.label }]
    if (group.items.length > 1 || group.label !== item.label) {
      trail.push(sub ? { label: item.label, url: item.url } : { label: item.label })
    } else if (sub) {
      trail[0] = { label: item.label, url: item.url }
    }
    if (sub) trail.push({ label: sub.label })
    return { title: sub ? sub.label : item.label, item, group, trail }
  }
  return null
}

/** `packageStaff/pages/review/index?x=1` or `/packageStaff/pages/review/index.html` → the route. */
function normalise(path: string): string {
  const bare = (path.split('?')[0] ?? '').replace(/\.html$/, '')
  return bare.startsWith('/') ? bare : `/${bare}`
}
