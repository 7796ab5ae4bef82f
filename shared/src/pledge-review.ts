import { z } from 'zod'
import { text } from './memberships.ts'
import {
  CheckNotes,
  Period,
  PledgeContent,
  PledgeEvaluation,
  PledgeKind,
  PledgeReport,
  PledgeStatus,
  PledgeVersion,
  PledgeVersionState,
  PublicStatus,
  RatingSummary,
  ReportOutcome,
} from './pledges.ts'
import { RegionCode } from './validators/regionCode.ts'

/** The bureau's promise templates (诚信经营, 明码标价 …) a member picks from. */
export const PledgeTemplate = z.object({
  id: z.uuid(),
  kind: PledgeKind,
  text: z.string(),
  regionName: z.string(),
})
export type PledgeTemplate = z.infer<typeof PledgeTemplate>
export const PledgeTemplateList = z.object({ items: z.array(PledgeTemplate) })
export const PledgeTemplateQuery = z.object({ kind: PledgeKind.optional() })
export const PledgeTemplateRequest = z.object({
  kind: PledgeKind,
  text: text('承诺模板', 60, 2),
})

export const PledgeRating = z.object({
  score: z.int(),
  comment: z.string().nullable(),
  at: z.string(),
})

/** A pledge with its whole history, as its owner (and staff) see it. */
export const MyPledge = z.object({
  id: z.uuid(),
  kind: PledgeKind,
  status: PledgeStatus,
  /** Assigned at the first approval; the plaque's QR carries it. */
  code: z.string().nullable(),
  publicUrl: z.string().nullable(),
  /** The server's public address is a loopback one: a plaque's QR would lead nowhere. */
  plaqueWarning: z.boolean(),
  publicStatus: PublicStatus,
  /** The approved version now public, if any. */
  current: PledgeVersion.nullable(),
  /** Newest first. */
  versions: z.array(PledgeVersion),
  rating: RatingSummary,
  ratings: z.array(PledgeRating),
  reports: z.array(PledgeReport),
  evaluations: z.array(PledgeEvaluation),
  suspendedReason: z.string().nullable(),
})
export type MyPledge = z.infer<typeof MyPledge>

export const MyPledgeAnswer = z.object({
  /** Only a verified operator or rider may pledge; `reason` says why not, in plain words. */
  eligible: z.boolean(),
  reason: z.string().nullable(),
  kind: PledgeKind.nullable(),
  /** Filled from the verified registration, for a first pledge. */
  defaults: PledgeContent.partial(),
  pledge: MyPledge.nullable(),
})
export type MyPledgeAnswer = z.infer<typeof MyPledgeAnswer>
export const WithdrawPledgeRequest = z.object({ reason: z.string().trim().max(200).optional() })

export const PledgeQueueQuery = z.object({
  region: RegionCode.optional(),
  state: PledgeVersionState.default('pending'),
  /** The pledge's own status: approved and active is what the ledger counts as 公示中. */
  status: PledgeStatus.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type PledgeQueueQuery = z.input<typeof PledgeQueueQuery>
export const PledgeQueueItem = z.object({
  pledgeId: z.uuid(),
  versionId: z.uuid(),
  number: z.int(),
  kind: PledgeKind,
  state: PledgeVersionState,
  displayName: z.string(),
  business: z.string(),
  regionName: z.string(),
  submittedAt: z.string(),
  checkNotes: CheckNotes,
  /** An edit of a pledge that is already public: the old version stays up meanwhile. */
  isEdit: z.boolean(),
})
export type PledgeQueueItem = z.infer<typeof PledgeQueueItem>
export const PledgeQueuePage = z.object({
  items: z.array(PledgeQueueItem),
  next: z.string().nullable(),
  /** The queue's size over all pages: on the first page only (no `after`). */
  total: z.int().min(0).optional(),
})
export type PledgeQueuePage = z.infer<typeof PledgeQueuePage>

export const StaffPledge = MyPledge.extend({
  regionName: z.string(),
  memberState: z.string(),
  memberStateText: z.string(),
})
export type StaffPledge = z.infer<typeof StaffPledge>

export const PledgeDecision = z.enum(['approve', 'return', 'reject'], {
  error: '请选择审核结果',
})
export type PledgeDecision = z.infer<typeof PledgeDecision>
export const PledgeDecisionRequest = z
  .object({
    versionId: z.uuid('版本编号格式不正确'),
    decision: PledgeDecision,
    comment: z.string().trim().max(200, '审核意见不能超过200个字').optional(),
  })
  .refine((body) => body.decision === 'approve' || Boolean(body.comment), {
    path: ['comment'],
    message: '退回或不予通过时请写明原因',
  })
export type PledgeDecisionRequest = z.infer<typeof PledgeDecisionRequest>

export const SuspendRequest = z.object({ reason: text('原因', 200, 2) })

export const ReportQueueQuery = z.object({
  state: z.enum(['open', 'handled']).default('open'),
  region: RegionCode.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type ReportQueueQuery = z.input<typeof ReportQueueQuery>
export const ReportQueueItem = PledgeReport.extend({
  pledgeId: z.uuid(),
  code: z.string().nullable(),
  displayName: z.string(),
  business: z.string(),
  regionName: z.string(),
})
export type ReportQueueItem = z.infer<typeof ReportQueueItem>
/** One page of reports (open: oldest first; handled: newest first) and their number. */
export const ReportQueue = z.object({
  items: z.array(ReportQueueItem),
  next: z.string().nullable(),
  /** The list's size over all pages: on the first page only (no `after`). */
  total: z.int().min(0).optional(),
})
export type ReportQueue = z.infer<typeof ReportQueue>
export const ReportParams = z.object({ id: z.uuid('举报编号格式不正确') })
export const ReportResponseRequest = z.object({
  outcome: ReportOutcome,
  response: text('处理答复', 200, 2),
})
export type ReportResponseRequest = z.infer<typeof ReportResponseRequest>

export const EvaluationRequest = z.object({
  period: Period,
  score: z
    .int({ error: '请填写0到100的评分' })
    .min(0, '请填写0到100的评分')
    .max(100, '请填写0到100的评分'),
  note: z.string().trim().max(200, '评价说明不能超过200个字').optional(),
  award: z.boolean({ error: '请选择是否评为党员诚信示范店' }),
})
export type EvaluationRequest = z.infer<typeof EvaluationRequest>

/** 比作为: pledges in a jurisdiction by evaluation, then public rating. */
export const RankingQuery = z.object({ period: Period.optional(), region: RegionCode.optional() })
export const RankingItem = z.object({
  pledgeId: z.uuid(),
  code: z.string().nullable(),
  displayName: z.string(),
  business: z.string(),
  regionName: z.string(),
  score: z.int().nullable(),
  award: z.boolean(),
  rating: RatingSummary,
})
export type RankingItem = z.infer<typeof RankingItem>
/** The ranking lists at most this many pledges; `truncated` says more rank below. */
export const RANKING_LIMIT = 200
export const Ranking = z.object({
  period: z.string().nullable(),
  items: z.array(RankingItem),
  /** More pledges rank below the ones listed (the top RANKING_LIMIT are). */
  truncated: z.boolean(),
})
export type Ranking = z.infer<typeof Ranking>
export const TemplateCreated = z.object({ id: z.uuid() })
