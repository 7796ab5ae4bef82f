import { z } from 'zod'
import { chinaToday } from './time/china-clock.ts'
import { GeoPoint } from './validators/geoPoint.ts'
import { Mobile } from './validators/mobile.ts'
import { RegionCode } from './validators/regionCode.ts'
import { ResidentId } from './validators/residentId.ts'
import { Uscc } from './validators/uscc.ts'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Text the database can keep as typed: no NUL (PostgreSQL refuses it) and no half of a
 * surrogate pair (it would be stored as U+FFFD). Pasted text can carry either. The server
 * refuses both in every request too (its input guard); this puts the message on the field.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\0') && !LONE_SURROGATE.test(value)
}

export const unstorableMessage = (label: string) => `${label}含有无法保存的字符，请删除后重试`

/** A required piece of text whose every message names the field, for a non-technical user. */
export function text(label: string, max: number, min = 1) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min === 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .max(max, `${label}不能超过${max}个字`)
    .refine(isStorableText, unstorableMessage(label))
}

/** Text that may be left out; when given, every message names the field like `text`'s. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .refine(isStorableText, unstorableMessage(label))
    .optional()
}

function yesNo(label: string) {
  return z.boolean({ error: `请选择${label}` })
}

const FOUNDING_DAY = '1921-07-01'

/**
 * A day that exists on the calendar: `Date.parse` alone takes 2026-02-30 (as 3 March),
 * which PostgreSQL then refuses. The day must come back unchanged from a date.
 */
export function isCalendarDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day
}

/** A calendar day, not in the future (China's today), not before the Party's founding. */
export function pastDate(label: string) {
  return z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为“年-月-日”`)
    .refine(isCalendarDay, `${label}不是有效日期`)
    .refine((day) => day >= FOUNDING_DAY, `${label}不能早于1921年7月1日`)
    .refine((day) => day <= chinaToday(), `${label}不能晚于今天`)
}

export const Platform = z.enum(
  ['meituan', 'eleme', 'pupu', 'sf_intra_city', 'dada', 'shansong', 'other'],
  { error: '请选择配送平台' },
)
export type Platform = z.infer<typeof Platform>
export const platformNames: Record<Platform, string> = {
  meituan: '美团',
  eleme: '饿了么',
  pupu: '朴朴',
  sf_intra_city: '顺丰同城',
  dada: '达达',
  shansong: '闪送',
  other: '其他',
}

export const MemberType = z.enum(['full', 'probationary'], { error: '请选择正式或预备党员' })
export type MemberType = z.infer<typeof MemberType>
export const memberTypeNames: Record<MemberType, string> = {
  full: '正式党员',
  probationary: '预备党员',
}

export const BusinessKind = z.enum(['individual_business', 'micro_enterprise', 'stall'], {
  error: '请选择经营主体类型',
})
export type BusinessKind = z.infer<typeof BusinessKind>
export const businessKindNames: Record<BusinessKind, string> = {
  individual_business: '个体工商户',
  micro_enterprise: '小微企业',
  stall: '市场摊位',
}

export const OrgForm = z.enum(
  ['none', 'standalone_branch', 'joint_branch', 'flow_branch', 'general_branch', 'committee'],
  { error: '请选择党组织形式' },
)
export type OrgForm = z.infer<typeof OrgForm>
export const orgFormNames: Record<OrgForm, string> = {
  none: '未建立',
  standalone_branch: '单独党支部',
  joint_branch: '联合党支部',
  flow_branch: '流动党员党支部',
  general_branch: '党总支',
  committee: '党委',
}

/** What riders and operators both report about their membership. */
const memberFields = {
  name: text('姓名', 30, 2),
  mobile: Mobile,
  /** Optional: used only to match the Party organisation's member list. */
  idNumber: ResidentId.optional(),
  workRegionCode: RegionCode,
  orgName: text('组织关系所在党组织', 100),
  orgRegionCode: RegionCode,
  memberType: MemberType,
  joinedOn: pastDate('入党日期'),
  flowMember: yesNo('是否流动党员'),
  wantsLocalBranch: yesNo('是否愿意参加当地流动党员党支部'),
}

export const RiderForm = z
  .object({
    kind: z.literal('rider'),
    ...memberFields,
    platform: Platform,
    platformOther: z.string().trim().max(30, '平台名称不能超过30个字').optional(),
    riderId: text('骑手编号', 64),
    deliveryStation: text('配送站点', 100),
  })
  .refine((form) => form.platform !== 'other' || (form.platformOther ?? '') !== '', {
    path: ['platformOther'],
    message: '请填写平台名称',
  })
export type RiderForm = z.infer<typeof RiderForm>

export const OperatorForm = z
  .object({
    kind: z.literal('operator'),
    ...memberFields,
    uscc: Uscc,
    businessName: text('经营主体名称', 100),
    businessKind: BusinessKind,
    inMarket: yesNo('是否在专业市场内经营'),
    marketName: z.string().trim().max(100, '市场名称不能超过100个字').optional(),
    stallNo: z.string().trim().max(30, '摊位号不能超过30个字').optional(),
  })
  .superRefine((form, ctx) => {
    if (!form.inMarket) return
    if (!form.marketName)
      ctx.addIssue({ code: 'custom', path: ['marketName'], message: '请填写市场名称' })
    if (!form.stallNo) ctx.addIssue({ code: 'custom', path: ['stallNo'], message: '请填写摊位号' })
  })
export type OperatorForm = z.infer<typeof OperatorForm>

const count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(100_000, `${label}过大`)

export const MarketOpenerForm = z
  .object({
    kind: z.literal('market_opener'),
    contactName: text('联系人姓名', 30, 2),
    mobile: Mobile,
    marketName: text('市场名称', 100),
    uscc: Uscc.optional(),
    address: text('市场地址', 200),
    location: GeoPoint,
    regionCode: RegionCode,
    stallCount: count('摊位数'),
    memberStallOwnerCount: count('党员经营户数'),
    orgForm: OrgForm,
    orgName: z.string().trim().max(100, '党组织名称不能超过100个字').optional(),
  })
  .superRefine((form, ctx) => {
    if (form.memberStallOwnerCount > form.stallCount)
      ctx.addIssue({
        code: 'custom',
        path: ['memberStallOwnerCount'],
        message: '党员经营户数不能多于摊位数',
      })
    if (form.orgForm !== 'none' && !form.orgName)
      ctx.addIssue({ code: 'custom', path: ['orgName'], message: '请填写党组织名称' })
  })
export type MarketOpenerForm = z.infer<typeof MarketOpenerForm>

/** The whole registration as submitted, one of three kinds. */
export const MembershipForm = z.discriminatedUnion(
  'kind',
  [RiderForm, OperatorForm, MarketOpenerForm],
  {
    error: '请选择登记类型',
  },
)
export type MembershipForm = z.infer<typeof MembershipForm>
export type MembershipKind = MembershipForm['kind']
export const membershipKindNames: Record<MembershipKind, string> = {
  rider: '快递外卖骑手',
  operator: '个体工商户/经营户',
  market_opener: '专业市场开办者',
}

/** A draft keeps whatever was typed, valid or not: nothing a person entered is lost. */
export const MembershipDraft = z
  .object({ kind: z.enum(['rider', 'operator', 'market_opener'], { error: '请选择登记类型' }) })
  .catchall(z.unknown())
export type MembershipDraft = z.infer<typeof MembershipDraft>

export const MembershipState = z.enum([
  'draft',
  'submitted',
  'needs_info',
  'resubmitted',
  'verified',
  'rejected',
  'revoked',
  'withdrawn',
])
export type MembershipState = z.infer<typeof MembershipState>
export const membershipStateNames: Record<MembershipState, string> = {
  draft: '草稿',
  submitted: '待核验',
  needs_info: '需补充',
  resubmitted: '已补充待核验',
  verified: '已核验',
  rejected: '未通过',
  revoked: '已撤销',
  withdrawn: '已撤回',
}
/** States staff act on. */
export const pendingStates = ['submitted', 'resubmitted'] as const satisfies MembershipState[]
/**
 * Entries waiting for review (the ledger's 等待核验 and the queue's default): those staff
 * act on, and those sent back for more information that are still open.
 */
export const waitingStates = [
  'submitted',
  'resubmitted',
  'needs_info',
] as const satisfies MembershipState[]

export const SaveMembershipRequest = z.object({
  action: z.enum(['save', 'submit'], { error: '请选择保存草稿或提交' }),
  /** Validated against MembershipForm on submit; mobile/idNumber may be left out to keep the stored ones. */
  form: MembershipDraft,
  /** The answer to a staff question, when the entry needs more information. */
  answer: z.string().trim().max(500, '补充说明不能超过500个字').optional(),
  /** One photo with the answer (POST /photos first), e.g. a screenshot staff asked for. */
  answerPhotoId: z.uuid('照片编号格式不正确').optional(),
})
export type SaveMembershipRequest = z.infer<typeof SaveMembershipRequest>

export const TimelineAction = z.enum([
  'saved',
  'submitted',
  'edited',
  'answered',
  'verified',
  'rejected',
  'asked',
  'revoked',
  'withdrawn',
])
export type TimelineAction = z.infer<typeof TimelineAction>

export const TimelineEvent = z.object({
  at: z.string(),
  action: TimelineAction,
  fromState: MembershipState.nullable(),
  toState: MembershipState,
  /** Who acted, as the member may see it: 本人, or the bureau level and region. */
  actor: z.string(),
  note: z.string().nullable(),
  /** A photo sent with an answer; staff open it at /review/memberships/:id/answer-photos/:photoId. */
  photoId: z.uuid().nullable(),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

export const Warning = z.object({ field: z.string(), message: z.string() })
export type Warning = z.infer<typeof Warning>

/** The member's own entry: sensitive fields masked, the rest as typed. */
export const MyMembership = z.object({
  id: z.uuid(),
  kind: z.enum(['rider', 'operator', 'market_opener']),
  state: MembershipState,
  /** The form without mobile/idNumber, which appear only masked below. */
  form: MembershipDraft,
  mobileMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  /** The staff question waiting for an answer, when state is needs_info. */
  question: z.string().nullable(),
  warnings: z.array(Warning),
  version: z.number().int(),
  updatedAt: z.string(),
  timeline: z.array(TimelineEvent),
})
export type MyMembership = z.infer<typeof MyMembership>
export const MyMembershipReply = z.object({ membership: MyMembership.nullable() })
export type MyMembershipReply = z.infer<typeof MyMembershipReply>
