import { z } from 'zod'
import { optionalText, text } from './memberships.ts'
import { GeoPoint } from './validators/geoPoint.ts'
import { RegionCode } from './validators/regionCode.ts'
import { Uscc } from './validators/uscc.ts'
import { WorkYear } from './work.ts'

/**
 * 监督共治 reports (issue 20): a verified member rider reports a problem seen at a merchant
 * while on the job; it goes to the merchant's county, whose staff record the outcome
 * (已核查属实并处理, 不属实, 转办 to another county of their jurisdiction or to an outside
 * department). The rider reads it; no public page and no merchant ever sees who reported.
 */

export const SupervisionCategory = z.enum(['food', 'price', 'online', 'other'], {
  error: '请选择问题类别',
})
export type SupervisionCategory = z.infer<typeof SupervisionCategory>

export const supervisionCategoryNames: Record<SupervisionCategory, string> = {
  food: '食品安全',
  price: '价格问题',
  online: '网店经营',
  other: '其他',
}

export const SupervisionOutcome = z.enum(['upheld', 'unfounded', 'referred'], {
  error: '请选择核查结果',
})
export type SupervisionOutcome = z.infer<typeof SupervisionOutcome>

export const supervisionOutcomeNames: Record<SupervisionOutcome, string> = {
  upheld: '已核查属实并处理',
  unfounded: '不属实',
  referred: '转办',
}

export const SupervisionState = z.enum(['open', 'closed'])
export type SupervisionState = z.infer<typeof SupervisionState>

/** Photos a report may carry (uploaded first through POST /photos). */
export const SUPERVISION_PHOTOS_MAX = 3
/** New reports one rider may make in a China day. */
export const SUPERVISION_REPORTS_PER_DAY = 5

/**
 * The merchant: a name, its address with the county it lies in, and optionally the point
 * the rider chose on the map (chooseLocation: never the live position) and its 统一社会信用代码.
 */
export const SupervisionMerchant = z
  .object({
    name: text('商家名称', 60, 2),
    address: text('商家地址', 100, 2),
    regionCode: RegionCode,
    location: GeoPoint.optional(),
    creditCode: Uscc.optional(),
  })
  .strict()
export type SupervisionMerchant = z.input<typeof SupervisionMerchant>

export const NewSupervisionReport = z.object({
  category: SupervisionCategory,
  merchant: SupervisionMerchant,
  text: text('问题描述', 500, 5),
  photoIds: z
    .array(z.uuid('照片编号格式不正确'))
    .max(SUPERVISION_PHOTOS_MAX, `照片最多${SUPERVISION_PHOTOS_MAX}张`)
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片只能放一次')
    .default([]),
})
export type NewSupervisionReport = z.input<typeof NewSupervisionReport>

export const SupervisionReportIdParams = z.object({ id: z.uuid('报告编号格式不正确') })
export const SupervisionReportPhotoParams = SupervisionReportIdParams.extend({
  photoId: z.uuid('照片编号格式不正确'),
})

/**
 * What the staff found. 转办 names where it went: a county of the caller's jurisdiction
 * (the report moves to that county's queue and stays open) or an outside department by
 * name (the report is closed, handed on).
 */
export const SupervisionOutcomeRequest = z
  .object({
    outcome: SupervisionOutcome,
    note: text('处理情况', 500, 2),
    toRegionCode: RegionCode.optional(),
    toDepartment: optionalText('转办部门', 60),
  })
  .superRefine((body, ctx) => {
    if (body.outcome !== 'referred') {
      if (body.toRegionCode || body.toDepartment)
        ctx.addIssue({
          code: 'custom',
          path: [body.toRegionCode ? 'toRegionCode' : 'toDepartment'],
          message: '只有转办时才填写转往的区县或部门',
        })
      return
    }
    if (!body.toRegionCode && !body.toDepartment)
      ctx.addIssue({
        code: 'custom',
        path: ['toDepartment'],
        message: '转办时，请选择转往的区县或填写转办部门',
      })
    if (body.toRegionCode && body.toDepartment)
      ctx.addIssue({
        code: 'custom',
        path: ['toDepartment'],
        message: '转办到区县或部门，只能选一个',
      })
  })
export type SupervisionOutcomeRequest = z.input<typeof SupervisionOutcomeRequest>

export const SupervisionEventKind = z.enum(['reported', 'forward', 'close'])
export const SupervisionEvent = z.object({
  kind: SupervisionEventKind,
  text: z.string().nullable(),
  /** A 转办's new county. */
  regionName: z.string().nullable(),
  at: z.string(),
})
export type SupervisionEvent = z.infer<typeof SupervisionEvent>

export const SupervisionReport = z.object({
  id: z.uuid(),
  category: SupervisionCategory,
  merchant: z.object({
    name: z.string(),
    address: z.string(),
    creditCode: z.string().nullable(),
    location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  }),
  text: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  state: SupervisionState,
  outcome: SupervisionOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  /** The outside department a report was handed to (转办). */
  referredTo: z.string().nullable(),
  photoIds: z.array(z.uuid()),
  createdAt: z.string(),
  events: z.array(SupervisionEvent),
})
export type SupervisionReport = z.infer<typeof SupervisionReport>

export const SupervisionReportList = z.object({ items: z.array(SupervisionReport) })

/**
 * The jurisdiction's reports, oldest first. `year` (China time, of the report) and
 * `outcome` are what the ledger's figures open: reports received, and upheld.
 */
export const StaffSupervisionQuery = z.object({
  region: RegionCode.optional(),
  state: SupervisionState.optional(),
  category: SupervisionCategory.optional(),
  outcome: SupervisionOutcome.optional(),
  year: WorkYear.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().max(200).optional(),
})
export type StaffSupervisionQuery = z.input<typeof StaffSupervisionQuery>

export const StaffSupervisionReport = SupervisionReport.extend({
  /** The reporter's registered name, for the staff only; never a mobile or ID number. */
  reporterName: z.string().nullable(),
})
export type StaffSupervisionReport = z.infer<typeof StaffSupervisionReport>
export const StaffSupervisionPage = z.object({
  items: z.array(StaffSupervisionReport),
  next: z.string().nullable(),
  total: z.int(),
})
export type StaffSupervisionPage = z.infer<typeof StaffSupervisionPage>
