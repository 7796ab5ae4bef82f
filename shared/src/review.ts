import { z } from 'zod'
import {
  MembershipDraft,
  MembershipState,
  Platform,
  TimelineEvent,
  Warning,
} from './memberships.ts'
import { RegisterKind } from './registers.ts'
import { RegionCode } from './validators/regionCode.ts'

/**
 * What a register is compared on, as a reviewer reads it. The server names a comparison's
 * field only from these keys (its `is`/`compare` take an EvidenceField), so none reaches the
 * screen as a raw key.
 */
export const evidenceFieldNames = {
  riderId: '骑手编号',
  name: '姓名',
  mobile: '手机号',
  idNumber: '身份证号',
  isMember: '党员身份',
  uscc: '统一社会信用代码',
  businessName: '经营主体名称',
  marketName: '市场名称',
  legalRepresentative: '法定代表人',
  status: '登记状态',
  region: '行政区划',
  memberCount: '党员人数',
  hasOrganisation: '党组织建立情况',
} as const satisfies Record<string, string>
export type EvidenceField = keyof typeof evidenceFieldNames

/** A comparison's field in words; a key these labels miss (stored by an older build) too. */
export function evidenceFieldName(field: string): string {
  const names: Readonly<Record<string, string>> = evidenceFieldNames
  return (Object.hasOwn(names, field) && names[field]) || '其他信息'
}

export const FieldComparison = z.object({
  /**
   * The field compared (an EvidenceField). Kept a plain string so evidence stored by an
   * older build still parses; evidenceFieldName words it.
   */
  field: z.string(),
  /** match: the field weighed for one person; differ: against; absent: not compared. */
  result: z.enum(['match', 'differ', 'absent']),
  /**
   * The scorer's level (exact, normalised, homophone, close, corrected, different,
   * missing) and its weight in bits; absent in evidence stored before issue 18.
   */
  level: z.string().optional(),
  weight: z.number().optional(),
})
export type FieldComparison = z.infer<typeof FieldComparison>

/**
 * One register's word on one entry. match: the key and the identifying fields agree;
 * partial: the key agrees, some fields differ or are missing; conflict: the register
 * contradicts the entry (e.g. the rider ID belongs to someone else, the business is
 * cancelled); absent: the register has no record of this person.
 */
export const RegisterEvidence = z.object({
  register: RegisterKind,
  status: z.enum(['match', 'partial', 'conflict', 'absent']),
  fields: z.array(FieldComparison),
  summary: z.string(),
  /** That the register's row is this person (Fellegi–Sunter), 0–1; absent: not scored. */
  probability: z.number().min(0).max(1).optional(),
  /** "身份证号一致 +19.9 · 姓名同音（伟/玮）+6.0 · 手机号不同 −2.1 → 99.98%" */
  explanation: z.string().optional(),
})
export type RegisterEvidence = z.infer<typeof RegisterEvidence>

export const EvidenceStrength = z.enum(['strong', 'moderate', 'weak', 'conflict', 'none'])
export type EvidenceStrength = z.infer<typeof EvidenceStrength>
export const evidenceStrengthNames: Record<EvidenceStrength, string> = {
  strong: '强',
  moderate: '中',
  weak: '弱',
  conflict: '有矛盾',
  none: '无名录记录',
}

export const Evidence = z.object({
  strength: EvidenceStrength,
  /** Registers whose status is match: bulk approval needs two. */
  matchingSources: z.number().int(),
  suggestion: z.enum(['verify', 'ask', 'reject', 'review']),
  reason: z.string(),
  registers: z.array(RegisterEvidence),
  computedAt: z.string(),
  /** The linkage weights' version it was computed with (absent before issue 18). */
  weightsVersion: z.number().int().optional(),
})
export type Evidence = z.infer<typeof Evidence>

/**
 * The queue's state filter: one state, `waiting` (waitingStates: what the ledger's 等待核验
 * counts, and the queue a reviewer lands on) or `all` (every state sent for review).
 */
export const ReviewStateFilter = z.union(
  [MembershipState.exclude(['draft']), z.enum(['waiting', 'all'])],
  { error: '状态筛选无效' },
)
export type ReviewStateFilter = z.infer<typeof ReviewStateFilter>

export const ReviewQuery = z.object({
  /** A region inside my jurisdiction: only its entries (a ledger figure's records). */
  region: RegionCode.optional(),
  kind: z.enum(['rider', 'operator', 'market_opener']).optional(),
  platform: Platform.optional(),
  state: ReviewStateFilter.default('waiting'),
  strength: EvidenceStrength.optional(),
  /** Opaque cursor from the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type ReviewQuery = z.infer<typeof ReviewQuery>

export const ReviewItem = z.object({
  id: z.uuid(),
  kind: z.enum(['rider', 'operator', 'market_opener']),
  state: MembershipState,
  name: z.string(),
  mobileMasked: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  platform: Platform.nullable(),
  strength: EvidenceStrength,
  matchingSources: z.number().int(),
  submittedAt: z.string(),
})
export type ReviewItem = z.infer<typeof ReviewItem>
export const ReviewPage = z.object({ items: z.array(ReviewItem), next: z.string().nullable() })
export type ReviewPage = z.infer<typeof ReviewPage>

export const ReviewDetail = z.object({
  id: z.uuid(),
  kind: z.enum(['rider', 'operator', 'market_opener']),
  state: MembershipState,
  version: z.number().int(),
  form: MembershipDraft,
  mobileMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  warnings: z.array(Warning),
  evidence: Evidence.nullable(),
  timeline: z.array(TimelineEvent),
})
export type ReviewDetail = z.infer<typeof ReviewDetail>
export const ReviewParams = z.object({ id: z.uuid('登记编号格式不正确') })
export const AnswerPhotoParams = ReviewParams.extend({ photoId: z.uuid('照片编号格式不正确') })

export const Decision = z.enum(['verify', 'reject', 'ask', 'revoke'], { error: '请选择处理结果' })
export type Decision = z.infer<typeof Decision>
export const DecisionRequest = z
  .object({
    decision: Decision,
    note: z.string().trim().max(500, '说明不能超过500个字').optional(),
    /** The version the reviewer saw: a stale one means someone changed the entry meanwhile. */
    version: z.number({ error: '缺少版本号' }).int(),
  })
  .refine((body) => body.decision === 'verify' || (body.note ?? '').length >= 2, {
    path: ['note'],
    message: '请填写原因或问题（至少2个字）',
  })
export type DecisionRequest = z.infer<typeof DecisionRequest>

export const BulkVerifyRequest = z.object({
  ids: z.array(z.uuid('登记编号格式不正确')).min(1, '请选择要核验的登记').max(200, '一次最多200条'),
})
export const BulkVerifyResult = z.object({
  verified: z.array(z.uuid()),
  skipped: z.array(z.object({ id: z.uuid(), reason: z.string() })),
})
export type BulkVerifyResult = z.infer<typeof BulkVerifyResult>

export const RevealRequest = z.object({
  field: z.enum(['mobile', 'idNumber'], { error: '请选择要查看的字段' }),
  reason: z
    .string({ error: '请填写查看原因' })
    .trim()
    .min(4, '查看原因至少4个字')
    .max(200, '查看原因不能超过200个字'),
})
export type RevealRequest = z.infer<typeof RevealRequest>
export const RevealReply = z.object({
  field: z.enum(['mobile', 'idNumber']),
  value: z.string().nullable(),
})
