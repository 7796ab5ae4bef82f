import { z } from 'zod'
import { optionalText, pastDate, text } from './memberships.ts'
import { RegionLevel } from './regions.ts'
import { RegionCode } from './validators/regionCode.ts'
import { Uscc } from './validators/uscc.ts'

/**
 * The bureau's own work the 2024 work points set targets for: training classes, liaison
 * pairs (挂钩联系) with their visits (走访), and each city's and county's 小个专党委.
 */

/** 每期培训不少于30人: a county meets the training target with one such session a year. */
export const TRAINING_TARGET_ATTENDEES = 30

export const WorkYear = z.coerce
  .number({ error: '年份应为4位数字，如2026' })
  .int('年份应为4位数字，如2026')
  .min(2000, '年份应为4位数字，如2026')
  .max(2100, '年份应为4位数字，如2026')

/** Which region's records; the caller's own region when omitted. */
export const WorkRegionQuery = z.object({ region: RegionCode.optional() })
export const WorkIdParams = z.object({ id: z.uuid('记录编号格式不正确') })

export const TrainingSessionQuery = WorkRegionQuery.extend({ year: WorkYear.optional() })
export const TrainingSessionRequest = z.object({
  regionCode: RegionCode.optional(),
  heldOn: pastDate('举办日期'),
  title: text('培训班名称', 100, 2),
  attendees: z
    .int({ error: '请填写培训人数' })
    .min(0, '培训人数不能为负数')
    .max(100_000, '培训人数不能超过100000'),
  organiser: optionalText('主办单位', 60),
  note: optionalText('备注', 200),
})
export type TrainingSessionRequest = z.infer<typeof TrainingSessionRequest>
export const TrainingSession = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  heldOn: z.string(),
  title: z.string(),
  attendees: z.int(),
  organiser: z.string().nullable(),
  note: z.string().nullable(),
  /** Counts toward the county's target: ≥ 30 people. */
  meetsTarget: z.boolean(),
  createdAt: z.string(),
})
export type TrainingSession = z.infer<typeof TrainingSession>
export const TrainingSessionList = z.object({ items: z.array(TrainingSession) })

export const OrganisationKind = z.enum(['market', 'platform_site', 'business', 'other'], {
  error: '请选择联系对象类型',
})
export type OrganisationKind = z.infer<typeof OrganisationKind>
export const organisationKindNames: Record<OrganisationKind, string> = {
  market: '专业市场',
  platform_site: '平台网点站点',
  business: '企业或个体工商户',
  other: '其他',
}

export const LiaisonPairQuery = WorkRegionQuery.extend({
  state: z
    .enum(['active', 'ended', 'all'], { error: '状态只能是 active、ended 或 all' })
    .default('active'),
})
export const LiaisonPairRequest = z.object({
  regionCode: RegionCode.optional(),
  liaisonName: text('挂钩联系人', 30),
  /** The liaison's own staff account, when they have one. */
  liaisonStaffId: z.uuid('工作人员账号格式不正确').optional(),
  organisationName: text('联系对象名称', 100, 2),
  organisationUscc: Uscc.optional(),
  organisationKind: OrganisationKind,
  startedOn: pastDate('开始联系日期'),
})
export type LiaisonPairRequest = z.infer<typeof LiaisonPairRequest>
export const EndLiaisonRequest = z.object({ endedOn: pastDate('结束联系日期') })
export const LiaisonVisitRequest = z.object({
  visitedOn: pastDate('走访日期'),
  note: text('走访情况', 500, 2),
})
export type LiaisonVisitRequest = z.infer<typeof LiaisonVisitRequest>
export const LiaisonVisit = z.object({
  id: z.uuid(),
  visitedOn: z.string(),
  note: z.string(),
  createdAt: z.string(),
})
export type LiaisonVisit = z.infer<typeof LiaisonVisit>
export const LiaisonPair = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  liaisonName: z.string(),
  liaisonStaffId: z.uuid().nullable(),
  organisationName: z.string(),
  organisationUscc: z.string().nullable(),
  organisationKind: OrganisationKind,
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  /** Newest first. */
  visits: z.array(LiaisonVisit),
})
export type LiaisonPair = z.infer<typeof LiaisonPair>
export const LiaisonPairList = z.object({ items: z.array(LiaisonPair) })

export const PartyCommitteeParams = z.object({ code: RegionCode })
export const PartyCommitteeRequest = z
  .object({
    setUp: z.boolean({ error: '请选择是否已成立小个专党委' }),
    setUpOn: pastDate('成立日期').optional(),
    name: optionalText('党委名称', 60),
  })
  .superRefine((body, ctx) => {
    if (!body.setUp) return
    if (!body.setUpOn)
      ctx.addIssue({ code: 'custom', path: ['setUpOn'], message: '请选择成立日期' })
    if (!body.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写党委名称' })
  })
export type PartyCommitteeRequest = z.infer<typeof PartyCommitteeRequest>
export const PartyCommittee = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  level: RegionLevel,
  setUp: z.boolean(),
  setUpOn: z.string().nullable(),
  name: z.string().nullable(),
  /** null: nobody has recorded it yet. */
  updatedAt: z.string().nullable(),
})
export type PartyCommittee = z.infer<typeof PartyCommittee>

export const WorkSummaryQuery = WorkRegionQuery.extend({ year: WorkYear.optional() })

/** One region's progress against the targets in one year. */
export const WorkFigures = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: RegionLevel }),
  training: z.object({
    sessions: z.int(),
    peopleTrained: z.int(),
    /** Counties under the region (itself, for a county). */
    counties: z.int(),
    /** Of those, with ≥ 1 session of ≥ 30 people that year, entered or held as an activity. */
    countiesMeetingTarget: z.int(),
    /**
     * Training activities (培训班) held that year with ≥ 30 members signed in, and those
     * members: counted from the activities, beside the sessions entered by hand above.
     * Absent from ledgers frozen before they were counted.
     */
    activitySessions: z.int().optional(),
    activityPeople: z.int().optional(),
  }),
  liaison: z.object({
    /** Distinct liaisons paired by the year's end. */
    liaisons: z.int(),
    /** Of those, with ≥ 1 organisation paired during the year. */
    liaisonsWithOrganisation: z.int(),
    /** Of those, who visited at least once that year. */
    liaisonsVisited: z.int(),
    /** Distinct organisations paired during the year (by USCC, else by name). */
    organisations: z.int(),
    visits: z.int(),
  }),
  /** Open places of kind guidance_station (党建工作指导站). */
  guidanceStations: z.int(),
  /** 小个专党委 set up by the year's end, per level. */
  committees: z.object({
    cities: z.int(),
    citiesSetUp: z.int(),
    counties: z.int(),
    countiesSetUp: z.int(),
  }),
})
export type WorkFigures = z.infer<typeof WorkFigures>
/** The ledger embeds this: a region's figures, then each child region's. */
export const WorkSummary = z.object({
  year: z.int(),
  total: WorkFigures,
  children: z.array(WorkFigures),
})
export type WorkSummary = z.infer<typeof WorkSummary>
