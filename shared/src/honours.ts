import { z } from 'zod'
import { optionalText, Platform, text } from './memberships.ts'
import { RegionCode } from './validators/regionCode.ts'

/**
 * 最美骑手 (issue 20): county staff and above nominate a verified member rider of their
 * jurisdiction for a city's honour of a year, with a citation; the rider accepts (choosing
 * how the name is shown) or declines being shown. Only accepted honours are public, and
 * the rider may withdraw consent at any time; staff revoke with a reason.
 */

export const HonourState = z.enum(['pending', 'accepted', 'declined', 'revoked'])
export type HonourState = z.infer<typeof HonourState>

export const honourStateNames: Record<HonourState, string> = {
  pending: '待本人确认',
  accepted: '已公开',
  declined: '本人不公开',
  revoked: '已撤销',
}

/** How the rider's name appears on the public list: the full name, or surname + 师傅. */
export const HonourNameShown = z.enum(['full', 'surname'], { error: '请选择公开时的称呼' })
export type HonourNameShown = z.infer<typeof HonourNameShown>

export const honourNameShownNames: Record<HonourNameShown, string> = {
  full: '显示全名',
  surname: '只显示姓氏（某师傅）',
}

/** Two-character surnames read as one: 欧阳娜娜 is 欧阳师傅, not 欧师傅. */
const COMPOUND_SURNAMES = new Set([
  ...['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐'],
  ...['长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '南宫', '西门', '独孤', '澹台'],
])

/** The name the public list shows, as the rider chose it. */
export function honourShownName(name: string, shown: HonourNameShown): string {
  const trimmed = name.trim()
  if (shown === 'full') return trimmed
  const two = trimmed.slice(0, 2)
  const surname = trimmed.length > 2 && COMPOUND_SURNAMES.has(two) ? two : trimmed.slice(0, 1)
  return `${surname}师傅`
}

/** Years a nomination may name: this one (China time) or the last one. */
export function honourYears(thisYear: number): number[] {
  return [thisYear, thisYear - 1]
}

export const HonourIdParams = z.object({ id: z.uuid('荣誉编号格式不正确') })

export const NominateHonourRequest = z.object({
  membershipId: z.uuid('请选择骑手'),
  year: z.int({ error: '请选择评选年度' }).min(2000, '请选择评选年度').max(2100, '请选择评选年度'),
  cityCode: RegionCode,
  citation: text('推荐事迹', 500, 10),
})
export type NominateHonourRequest = z.infer<typeof NominateHonourRequest>

export const AcceptHonourRequest = z.object({ nameShown: HonourNameShown })
export const RevokeHonourRequest = z.object({ reason: text('撤销原因', 200, 2) })

/** An honour as the rider reads it on 我的. */
export const Honour = z.object({
  id: z.uuid(),
  year: z.int(),
  cityCode: z.string(),
  cityName: z.string(),
  citation: z.string(),
  state: HonourState,
  nameShown: HonourNameShown.nullable(),
  /** What the public list shows while accepted; null otherwise. */
  shownName: z.string().nullable(),
  platform: Platform.nullable(),
  nominatedAt: z.string(),
  answeredAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
})
export type Honour = z.infer<typeof Honour>
export const HonourList = z.object({ items: z.array(Honour) })

export const StaffHonour = Honour.extend({
  /** The rider's registered name; never a mobile or ID number. */
  riderName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
})
export type StaffHonour = z.infer<typeof StaffHonour>

export const StaffHonourQuery = z.object({
  region: RegionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  state: HonourState.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  after: z.string().max(200).optional(),
})
export const StaffHonourPage = z.object({
  items: z.array(StaffHonour),
  next: z.string().nullable(),
  total: z.int(),
})
export type StaffHonourPage = z.infer<typeof StaffHonourPage>

/** Staff look a verified member rider of their jurisdiction up by name. */
export const HonourRiderQuery = z.object({
  // A lone surrogate in an address arrives decoded as U+FFFD: no stored name holds one.
  name: optionalText('骑手姓名', 20).refine(
    (name) => !name?.includes('\uFFFD'),
    '骑手姓名含有无法识别的字符，请删除后重试',
  ),
  region: RegionCode.optional(),
})
export const HonourRider = z.object({
  membershipId: z.uuid(),
  name: z.string(),
  regionName: z.string(),
  platform: Platform.nullable(),
  /** The city the rider works in: the nomination's city by default. */
  cityCode: z.string(),
  cityName: z.string(),
})
export type HonourRider = z.infer<typeof HonourRider>
export const HonourRiderList = z.object({ items: z.array(HonourRider) })

export const PublicHonourQuery = z.object({
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').optional(),
  city: RegionCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  after: z.string().max(200).optional(),
})

/** What the public list shows: only what the rider agreed to show. */
export const PublicHonour = z.object({
  id: z.uuid(),
  year: z.int(),
  cityCode: z.string(),
  cityName: z.string(),
  shownName: z.string(),
  platform: Platform.nullable(),
  citation: z.string(),
})
export type PublicHonour = z.infer<typeof PublicHonour>
export const PublicHonourPage = z.object({
  items: z.array(PublicHonour),
  next: z.string().nullable(),
  /** The years and cities with public honours, for the pickers. */
  years: z.array(z.int()),
  cities: z.array(z.object({ code: z.string(), name: z.string() })),
})
export type PublicHonourPage = z.infer<typeof PublicHonourPage>
