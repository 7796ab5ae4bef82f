import { z } from 'zod'
import { text } from './memberships.ts'
import { periodPattern } from './time/period.ts'

/** 三亮 / 两亮一比: an operator's or a rider's public pledge, approved before it is shown. */
export const PledgeKind = z.enum(['operator', 'rider'])
export type PledgeKind = z.infer<typeof PledgeKind>
/** The title on the plaque and the public page: 亮身份. */
export const pledgeTitles: Record<PledgeKind, string> = {
  operator: '共产党员经营户',
  rider: '共产党员骑手',
}

export const PledgeItem = z.object({
  /** The bureau's template it was chosen from; absent for free text. */
  templateId: z.uuid('承诺模板编号格式不正确').optional(),
  text: text('承诺内容', 60, 2),
})
export type PledgeItem = z.infer<typeof PledgeItem>

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).optional()

/** What the member writes. The same schema checks the form on the phone and the API. */
export const PledgeContent = z.object({
  /** 亮身份: the name as customers should see it. */
  displayName: text('公示姓名', 20),
  /** The business (字号) for an operator; platform and station for a rider. */
  business: text('经营户名称或所属站点', 40),
  stall: optionalText('摊位号', 40),
  /** 亮职责. */
  role: text('职责身份', 30),
  duties: text('职责内容', 200),
  /** 亮承诺. */
  promises: z
    .array(PledgeItem, { error: '请至少选择或填写一条承诺' })
    .min(1, '请至少选择或填写一条承诺')
    .max(8, '承诺最多8条')
    .refine(
      (items) => new Set(items.map((item) => item.text)).size === items.length,
      '承诺不能重复',
    ),
  photoId: z.uuid('照片编号格式不正确').optional(),
})
export type PledgeContent = z.infer<typeof PledgeContent>
export const SubmitPledgeRequest = z.object({ content: PledgeContent })

/** A version's review state. Every version is kept; `superseded` ones are history. */
export const PledgeVersionState = z.enum([
  'pending',
  'approved',
  'returned',
  'rejected',
  'superseded',
])
export type PledgeVersionState = z.infer<typeof PledgeVersionState>
export const pledgeVersionStateNames: Record<PledgeVersionState, string> = {
  pending: '待审核',
  approved: '已通过',
  returned: '退回修改',
  rejected: '不予通过',
  superseded: '已被新版本取代',
}

/** The pledge as a whole: withdrawn by its owner, or suspended by staff after upheld reports. */
export const PledgeStatus = z.enum(['active', 'withdrawn', 'suspended'])
export type PledgeStatus = z.infer<typeof PledgeStatus>

/** What a scan of the plaque shows. Anything but `valid` exposes a stale or faked plaque. */
export const PublicStatus = z.enum(['valid', 'pending', 'revoked', 'suspended', 'invalid'])
export type PublicStatus = z.infer<typeof PublicStatus>
export const publicStatusNames: Record<PublicStatus, string> = {
  valid: '有效',
  pending: '审核中',
  revoked: '已撤销',
  suspended: '已暂停',
  invalid: '无效',
}

/**
 * A plaque code as a person typed or scanned it: the server reads it (readPledgeCode),
 * forgiving case, spaces, full-width characters and look-alikes, and answers a string that
 * cannot be a code with "查验码格式不对，请核对".
 */
export const PledgeCode = z
  .string({ error: '请填写查验码' })
  .min(1, '请填写查验码')
  .max(64, '查验码格式不对，请核对')
export const PledgeCodeParams = z.object({ code: PledgeCode })
export const PledgeParams = z.object({ id: z.uuid('承诺编号格式不正确') })

/** Words or labels the content check asked a person to look at; empty when clean. */
export const CheckNotes = z.array(z.string())
export type CheckNotes = z.infer<typeof CheckNotes>

export const PledgeVersion = z.object({
  id: z.uuid(),
  number: z.int(),
  state: PledgeVersionState,
  content: PledgeContent,
  checkNotes: CheckNotes,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Staff's comment on a return or rejection, as the member sees it. */
  comment: z.string().nullable(),
})
export type PledgeVersion = z.infer<typeof PledgeVersion>

export const RatingSummary = z.object({
  average: z.number().nullable(),
  count: z.int(),
})
export type RatingSummary = z.infer<typeof RatingSummary>

export const ReportOutcome = z.enum(['upheld', 'dismissed'], { error: '请选择核查结论' })
export type ReportOutcome = z.infer<typeof ReportOutcome>
export const reportOutcomeNames: Record<ReportOutcome, string> = {
  upheld: '举报属实，已责令整改',
  dismissed: '经核查不属实',
}

export const PledgeReport = z.object({
  id: z.uuid(),
  at: z.string(),
  text: z.string(),
  hasPhoto: z.boolean(),
  state: z.enum(['open', 'handled']),
  outcome: ReportOutcome.nullable(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
})
export type PledgeReport = z.infer<typeof PledgeReport>

export const Period = z
  .string({ error: '请选择评价周期' })
  .regex(periodPattern, '评价周期应为“2026-H1”或“2026-H2”（上半年/下半年）')
export const PledgeEvaluation = z.object({
  period: Period,
  score: z.int(),
  note: z.string().nullable(),
  award: z.boolean(),
  at: z.string(),
})
export type PledgeEvaluation = z.infer<typeof PledgeEvaluation>
export const MODEL_STORE_AWARD = '党员诚信示范店'

/** The public page: what anyone who scans the plaque sees, no sign-in. */
export const PublicPledge = z.object({
  code: z.string(),
  status: PublicStatus,
  statusText: z.string(),
  /** A plain sentence on why it is not valid; null when valid. */
  reason: z.string().nullable(),
  title: z.string().nullable(),
  content: PledgeContent.omit({ photoId: true }).nullable(),
  hasPhoto: z.boolean(),
  issuer: z.string().nullable(),
  approvedAt: z.string().nullable(),
  rating: RatingSummary,
  awards: z.array(z.object({ title: z.string(), period: z.string() })),
  /** Reports staff have answered, with their outcome; open ones only counted. */
  reports: z.array(PledgeReport.omit({ hasPhoto: true })),
  openReports: z.int(),
})
export type PublicPledge = z.infer<typeof PublicPledge>

export const RateRequest = z.object({
  score: z.int({ error: '请选择1到5颗星' }).min(1, '请选择1到5颗星').max(5, '请选择1到5颗星'),
  comment: optionalText('评价', 100),
})
export type RateRequest = z.infer<typeof RateRequest>
export const ReportRequest = z.object({
  text: text('举报内容', 200, 5),
  photoId: z.uuid('照片编号格式不正确').optional(),
})
export type ReportRequest = z.infer<typeof ReportRequest>
/** An uploaded photo, to name in a pledge or a report. */
export const PhotoCreated = z.object({ id: z.uuid() })
export type PhotoCreated = z.infer<typeof PhotoCreated>
/**
 * A device token the server issued: `<random id>.<signature>`, base64url. Ratings and
 * reports without an account carry it in `x-device-id`; the daily limits count per token.
 */
export const DEVICE_TOKEN = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/
export const DeviceIssued = z.object({ deviceToken: z.string().regex(DEVICE_TOKEN) })
export type DeviceIssued = z.infer<typeof DeviceIssued>
export const Received = z.object({ message: z.string(), rating: RatingSummary.optional() })
