import { z } from 'zod'
import { Region } from './regions.ts'
import { RegionCode } from './validators/regionCode.ts'

export const StaffLevel = z.enum(['station', 'county', 'city', 'province'])
export type StaffLevel = z.infer<typeof StaffLevel>
/** Higher number = wider jurisdiction; a staff member manages only lower levels. */
export const staffLevelRank: Record<StaffLevel, number> = {
  station: 0,
  county: 1,
  city: 2,
  province: 3,
}
export const staffLevelNames: Record<StaffLevel, string> = {
  station: '指导站',
  county: '县级',
  city: '设区市级',
  province: '省级',
}

/** What a mini-program user registered as (set by self-registration; null until then). */
export const UserKind = z.enum(['rider', 'operator', 'market_opener'])
export type UserKind = z.infer<typeof UserKind>

export const Role = z.enum(['user', 'staff'])
export type Role = z.infer<typeof Role>

export const WechatLoginRequest = z.object({
  code: z
    .string({ error: '缺少微信登录凭证' })
    .trim()
    .min(1, '缺少微信登录凭证')
    .max(128, '登录凭证过长'),
})
export type WechatLoginRequest = z.infer<typeof WechatLoginRequest>

export const StaffLoginRequest = z.object({
  username: z.string().trim().min(1, '请输入账号').max(64, '账号过长'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
  otp: z
    .string()
    .regex(/^\d{6}$/, '动态验证码应为6位数字')
    .optional(),
})
export type StaffLoginRequest = z.infer<typeof StaffLoginRequest>

export const RefreshRequest = z.object({
  refreshToken: z.string().min(16, '刷新凭证无效').max(256),
})
export type RefreshRequest = z.infer<typeof RefreshRequest>

export const PrivacyConsent = z.object({ version: z.string(), acceptedAt: z.string() })

export const StaffProfile = z.object({
  username: z.string(),
  level: StaffLevel,
  region: Region.extend({ path: z.string() }),
  /** Name of the guidance station, for station-level staff. */
  stationName: z.string().nullable(),
  mfaEnabled: z.boolean(),
})

export const Me = z.object({
  id: z.string(),
  role: Role,
  displayName: z.string(),
  kind: UserKind.nullable(),
  staff: StaffProfile.nullable(),
  privacy: PrivacyConsent.nullable(),
})
export type Me = z.infer<typeof Me>

export const Session = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  user: Me,
})
export type Session = z.infer<typeof Session>

export const PrivacyNotice = z.object({
  version: z.string(),
  title: z.string(),
  /** Paragraphs of the notice, in order. */
  body: z.array(z.string()),
})
export type PrivacyNotice = z.infer<typeof PrivacyNotice>

export const AcceptPrivacyRequest = z.object({ version: z.string().min(1, '缺少隐私政策版本') })

export const CreateStaffRequest = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,32}$/, '账号应为3–32位小写字母、数字或 _ . -'),
  displayName: z.string().trim().min(1, '请填写姓名').max(32, '姓名过长'),
  password: z.string().min(1, '请设置密码').max(256, '密码过长'),
  level: StaffLevel,
  regionCode: RegionCode,
  stationName: z.string().trim().max(64, '指导站名称过长').optional(),
})
export type CreateStaffRequest = z.infer<typeof CreateStaffRequest>

export const StaffAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  level: StaffLevel,
  region: Region,
  stationName: z.string().nullable(),
  disabled: z.boolean(),
  /** Five failed sign-ins from one address: locked for 15 minutes there, or until unlocked. */
  locked: z.boolean(),
  mfaEnabled: z.boolean(),
  createdAt: z.string(),
})
export type StaffAccount = z.infer<typeof StaffAccount>

export const StaffList = z.object({ items: z.array(StaffAccount) })
export const StaffParams = z.object({ id: z.uuid('账号编号格式不正确') })
export const UpdateStaffRequest = z.object({ disabled: z.boolean() })

export const MfaEnrollment = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL as a QR code (SVG data URL) for authenticator apps. */
  qrDataUrl: z.string(),
})
export type MfaEnrollment = z.infer<typeof MfaEnrollment>
export const MfaConfirmRequest = z.object({
  otp: z.string().regex(/^\d{6}$/, '动态验证码应为6位数字'),
})

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  regionPath: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
})
export const AuditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export const AuditPage = z.object({ items: z.array(AuditEntry), next: z.number().int().nullable() })
