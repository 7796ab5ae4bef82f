import { z } from 'zod'
import { isStorableText, OrgForm, Platform, text, unstorableMessage } from './memberships.ts'
import { RegionCode, regionCodeProblem } from './validators/regionCode.ts'

/**
 * A delivery platform's local site (站点: 美团's, 饿了么's station in a county) and whether
 * it has a Party organisation, which the riders ledger counts per platform.
 */

export const PlatformSiteStatus = z.enum(['active', 'closed'], { error: '请选择站点状态' })
export type PlatformSiteStatus = z.infer<typeof PlatformSiteStatus>
export const platformSiteStatusNames: Record<PlatformSiteStatus, string> = {
  active: '运营中',
  closed: '已关闭',
}

/** 组织覆盖 (has an organisation), 工作覆盖 (none, but an instructor), or neither. */
export type SiteCoverage = 'organised' | 'work_covered' | 'none'
export const siteCoverageNames: Record<SiteCoverage, string> = {
  organised: '已建党组织',
  work_covered: '工作覆盖',
  none: '未覆盖',
}

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .refine(isStorableText, unstorableMessage(label))
    .optional()

const headcount = (label: string) =>
  z
    .int({ error: `请填写${label}（整数）` })
    .min(0, `${label}不能为负数`)
    .max(100_000, `${label}不能超过100000`)

/** A site belongs to one county; whether it exists is the server's call. */
const SiteCounty = z
  .string({ error: '请选择站点所在区县' })
  .pipe(RegionCode)
  .refine(
    (code) => regionCodeProblem(code) !== undefined || !code.endsWith('00'),
    '站点所在地应选择到区县',
  )

export const PlatformSiteInput = z
  .object({
    platform: Platform,
    name: text('站点名称', 60, 2),
    regionCode: SiteCounty,
    address: optionalText('站点地址', 200),
    riderCount: headcount('骑手人数').optional(),
    memberRiderCount: headcount('党员骑手人数'),
    orgForm: OrgForm,
    orgName: optionalText('党组织名称', 60),
    instructor: optionalText('党建工作指导员', 30),
  })
  .superRefine((site, ctx) => {
    if (site.orgForm !== 'none' && !site.orgName)
      ctx.addIssue({ code: 'custom', path: ['orgName'], message: '请填写党组织名称' })
    if (site.riderCount !== undefined && site.memberRiderCount > site.riderCount)
      ctx.addIssue({
        code: 'custom',
        path: ['memberRiderCount'],
        message: '党员骑手人数不能多于骑手人数',
      })
  })
export type PlatformSiteInput = z.infer<typeof PlatformSiteInput>

/** Correct the site, close or reopen it, or both at once. */
export const UpdatePlatformSiteRequest = z
  .object({ site: PlatformSiteInput.optional(), status: PlatformSiteStatus.optional() })
  .refine((body) => body.site !== undefined || body.status !== undefined, {
    message: '请填写要修改的站点信息或状态',
  })
export type UpdatePlatformSiteRequest = z.infer<typeof UpdatePlatformSiteRequest>

export const PlatformSiteQuery = z.object({
  region: RegionCode.optional(),
  platform: Platform.optional(),
  /** The ledger counts active sites; without it every status is listed. */
  status: PlatformSiteStatus.optional(),
})
export type PlatformSiteQuery = z.infer<typeof PlatformSiteQuery>
export const PlatformSiteParams = z.object({ id: z.uuid('站点编号格式不正确') })

export const PlatformSite = z.object({
  id: z.uuid(),
  platform: Platform,
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  riderCount: z.int().nullable(),
  memberRiderCount: z.int(),
  orgForm: OrgForm,
  orgName: z.string().nullable(),
  instructor: z.string().nullable(),
  coverage: z.enum(['organised', 'work_covered', 'none']),
  status: PlatformSiteStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type PlatformSite = z.infer<typeof PlatformSite>
/** Open sites first, then by platform and name; `truncated` when more than the list holds. */
export const PlatformSiteList = z.object({
  items: z.array(PlatformSite),
  truncated: z.boolean(),
})
export type PlatformSiteList = z.infer<typeof PlatformSiteList>

/** Whether a site counts as organised, work-covered or neither (what the ledger counts). */
export function siteCoverage(site: { orgForm: string; instructor?: string | null }): SiteCoverage {
  if (site.orgForm !== 'none') return 'organised'
  return site.instructor ? 'work_covered' : 'none'
}
