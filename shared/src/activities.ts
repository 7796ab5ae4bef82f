import { z } from 'zod'
import { optionalText, text } from './memberships.ts'
import { GeoPoint } from './validators/geoPoint.ts'
import { RegionCode } from './validators/regionCode.ts'

/**
 * 组织生活 for flow members (issue 19): activities staff publish inside their
 * jurisdiction, members' sign-ups, and attendance signed in at the venue with a code that
 * changes every 30 s. Nothing here is compulsory and nothing ranks members.
 */

export const ActivityKind = z.enum(
  [
    'theme_day',
    'party_lecture',
    'general_meeting',
    'committee_meeting',
    'group_meeting',
    'life_meeting',
    'training',
    'volunteering',
  ],
  { error: '请选择活动类型' },
)
export type ActivityKind = z.infer<typeof ActivityKind>

/** branch: that branch's checked-in (已报到) members; nearby: any verified member. */
export const ActivityAudience = z.enum(['branch', 'nearby'], { error: '请选择参加对象' })
export type ActivityAudience = z.infer<typeof ActivityAudience>

export const ActivityState = z.enum(['published', 'cancelled', 'closed'])
export type ActivityState = z.infer<typeof ActivityState>

/** How long one sign-in code is shown; the one before it is still accepted. */
export const SIGN_IN_WINDOW_SECONDS = 30

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}应为带时区的时间，如 2026-07-01T09:00:00+08:00` })

/** A place of the places table, or an address with its GCJ-02 point and region. */
export const ActivityVenue = z.union(
  [
    z.object({ placeId: z.uuid('场所编号格式不正确') }).strict(),
    z
      .object({
        address: text('活动地址', 100, 2),
        regionCode: RegionCode,
        location: GeoPoint,
      })
      .strict(),
  ],
  { error: '请选择活动场所，或填写地址并在地图上选点' },
)
export type ActivityVenue = z.infer<typeof ActivityVenue>

export const ActivityRequest = z
  .object({
    title: text('活动名称', 60, 2),
    kind: ActivityKind,
    startsAt: instant('开始时间'),
    endsAt: instant('结束时间'),
    venue: ActivityVenue,
    capacity: z
      .int({ error: '请填写人数上限' })
      .min(1, '人数上限至少为1')
      .max(10_000, '人数上限不能超过10000'),
    audience: ActivityAudience,
    /** The flow-member branch holding it; required when only its members may come. */
    branchId: z.uuid('党支部编号格式不正确').optional(),
    description: optionalText('活动简介', 500),
  })
  .superRefine((body, ctx) => {
    if (Date.parse(body.endsAt) <= Date.parse(body.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间应晚于开始时间' })
    if (body.audience === 'branch' && !body.branchId)
      ctx.addIssue({
        code: 'custom',
        path: ['branchId'],
        message: '参加对象为本支部党员时，请选择党支部',
      })
  })
export type ActivityRequest = z.infer<typeof ActivityRequest>

export const ActivityIdParams = z.object({ id: z.uuid('活动编号格式不正确') })
export const ActivityPhotoParams = ActivityIdParams.extend({
  photoId: z.uuid('照片编号格式不正确'),
})
export const CancelActivityRequest = z.object({ reason: text('取消原因', 200, 2) })
/** Photos a closing record may carry (uploaded first through POST /photos). */
export const ACTIVITY_PHOTOS_MAX = 9
export const CloseActivityRequest = z.object({
  minutes: text('活动记录', 2000, 2),
  photoIds: z
    .array(z.uuid('照片编号格式不正确'))
    .max(ACTIVITY_PHOTOS_MAX, `照片最多${ACTIVITY_PHOTOS_MAX}张`)
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片只能放一次')
    .default([]),
})
export type CloseActivityRequest = z.input<typeof CloseActivityRequest>
export const ManualAttendanceRequest = z.object({
  membershipId: z.uuid('党员编号格式不正确'),
  reason: text('补签原因', 200, 2),
})
export const SignInRequest = z.object({
  code: z.string({ error: '请扫描现场签到码' }).trim().min(1, '请扫描现场签到码').max(200),
})

export const Activity = z.object({
  id: z.uuid(),
  kind: ActivityKind,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  placeId: z.uuid().nullable(),
  placeName: z.string().nullable(),
  address: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }),
  regionCode: z.string(),
  capacity: z.int(),
  signedUp: z.int(),
  audience: ActivityAudience,
  branchId: z.uuid().nullable(),
  branchName: z.string().nullable(),
  description: z.string().nullable(),
  state: ActivityState,
  cancelReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type Activity = z.infer<typeof Activity>

export const ActivitySignup = z.object({
  membershipId: z.uuid(),
  memberName: z.string(),
  signedUpAt: z.string(),
})
export const ActivityAttendance = z.object({
  membershipId: z.uuid(),
  memberName: z.string(),
  method: z.enum(['scan', 'manual']),
  reason: z.string().nullable(),
  at: z.string(),
})
export const ActivityDetail = Activity.extend({
  minutes: z.string().nullable(),
  /** The closing record's photos, opened at /staff/activities/:id/photos/:photoId. */
  photoIds: z.array(z.uuid()),
  signups: z.array(ActivitySignup),
  attendances: z.array(ActivityAttendance),
})
export type ActivityDetail = z.infer<typeof ActivityDetail>

export const StaffActivityQuery = z.object({
  region: RegionCode.optional(),
  state: ActivityState.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type StaffActivityQuery = z.input<typeof StaffActivityQuery>
export const ActivityPage = z.object({
  items: z.array(Activity),
  next: z.string().nullable(),
  total: z.int().min(0),
})

/** The member's location is used for this query only, never stored. */
export const NearbyActivityQuery = z.object({
  lat: z.coerce.number({ error: '缺少纬度' }).min(-90, '纬度不正确').max(90, '纬度不正确'),
  lng: z.coerce.number({ error: '缺少经度' }).min(-180, '经度不正确').max(180, '经度不正确'),
  radius: z.coerce
    .number()
    .int()
    .min(500, '半径至少500米')
    .max(50_000, '半径最多50公里')
    .default(10_000),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type NearbyActivityQuery = z.input<typeof NearbyActivityQuery>

/** An activity as a member sees it: whether they may join, and their own sign-up. */
export const MemberActivity = Activity.extend({
  distance: z.number().nullable(),
  openToMe: z.boolean(),
  signedUpByMe: z.boolean(),
})
export type MemberActivity = z.infer<typeof MemberActivity>
export const MemberActivityList = z.object({ items: z.array(MemberActivity) })

/** One activity as a member's page shows it, opened from any list or a shared link. */
export const MemberActivityDetail = MemberActivity.extend({
  attendedAt: z.string().nullable(),
})
export type MemberActivityDetail = z.infer<typeof MemberActivityDetail>

/** Where the member is, for the distance only (used for this answer, never stored). */
export const ActivityPointQuery = NearbyActivityQuery.pick({ lat: true, lng: true }).partial()

/** One of the member's own activities: signed up, attended, or cancelled by the organiser. */
export const MyActivity = Activity.extend({
  signedUpByMe: z.boolean(),
  attendedAt: z.string().nullable(),
})
export const MyActivityList = z.object({ items: z.array(MyActivity) })

/** What the organiser's phone shows as a QR; a new one every SIGN_IN_WINDOW_SECONDS. */
export const SignInCode = z.object({
  code: z.string(),
  expiresAt: z.string(),
  /** The code as a QR (SVG data URL), rendered by the server so the phone needs no QR library. */
  qrDataUrl: z.string(),
})
export const SignInResult = z.object({
  message: z.string(),
  /** false: the member had signed in before (已签到); nothing new was stored. */
  first: z.boolean(),
  at: z.string(),
})
