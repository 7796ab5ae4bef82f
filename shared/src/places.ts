import { z } from 'zod'
import { isCalendarDay, text } from './memberships.ts'
import { GeoPoint } from './validators/geoPoint.ts'
import { RegionCode } from './validators/regionCode.ts'

export const PlaceKind = z.enum(
  ['care_station', 'canteen', 'flow_branch', 'guidance_station', 'service_center'],
  { error: '请选择场所类型' },
)
export type PlaceKind = z.infer<typeof PlaceKind>
export const placeKindNames: Record<PlaceKind, string> = {
  care_station: '爱心驿站',
  canteen: '爱心食堂',
  flow_branch: '流动党员党支部',
  guidance_station: '党建工作指导站',
  service_center: '党群服务中心',
}

/** What a care station calls itself: the same kind of place under three names. */
export const StationBrand = z.enum(['love_station', 'rider_home', 'union_station'], {
  error: '请选择驿站名称类型',
})
export const stationBrandNames: Record<z.infer<typeof StationBrand>, string> = {
  love_station: '爱心驿站',
  rider_home: '骑手之家',
  union_station: '工会驿站',
}

export const Facility = z.enum(
  [
    'water',
    'microwave',
    'charging',
    'battery_swap',
    'toilet',
    'seats',
    'first_aid',
    'medicine',
    'wifi',
    'air_conditioning',
    'umbrella',
    'phone_charging',
    'repair_kit',
  ],
  { error: '设施类型不正确' },
)
export type Facility = z.infer<typeof Facility>
export const facilityNames: Record<Facility, string> = {
  water: '饮用水',
  microwave: '微波炉',
  charging: '电动车充电',
  battery_swap: '换电',
  toilet: '卫生间',
  seats: '休息座椅',
  first_aid: '急救箱',
  medicine: '常用药品',
  wifi: '无线网络',
  air_conditioning: '空调',
  umbrella: '爱心雨伞',
  phone_charging: '手机充电',
  repair_kit: '打气补胎',
}

export const PlaceOperator = z.enum(['union', 'platform', 'bureau', 'community', 'other'], {
  error: '请选择运营方',
})
export const placeOperatorNames: Record<z.infer<typeof PlaceOperator>, string> = {
  union: '工会',
  platform: '平台企业',
  bureau: '市场监管部门',
  community: '社区',
  other: '其他',
}

export const PlaceStatus = z.enum(['open', 'suspended', 'closed'])
export type PlaceStatus = z.infer<typeof PlaceStatus>
export const placeStatusNames: Record<PlaceStatus, string> = {
  open: '开放',
  suspended: '已暂停',
  closed: '已关闭',
}

const HHMM = z
  .string({ error: '请填写时间' })
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, '时间应为“时:分”，如 08:30')
  .refine((time) => time <= '24:00', '时间不能晚于24:00')

/**
 * One opening range on a day. A close earlier than the open runs past midnight
 * (22:00–02:00 is open until 2 a.m. the next day).
 */
export const OpeningRange = z
  .object({ open: HHMM, close: HHMM })
  .refine((range) => range.open !== range.close, '开门和关门时间不能相同')
export type OpeningRange = z.infer<typeof OpeningRange>

/** Per weekday, Monday first (index 0 = 周一 … 6 = 周日), or round the clock. */
export const OpeningHours = z.object({
  always: z.boolean({ error: '请选择是否24小时开放' }),
  days: z.array(z.array(OpeningRange).max(4, '每天最多4个时段')).length(7, '应为周一到周日7天'),
})
export type OpeningHours = z.infer<typeof OpeningHours>

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).optional()

/** A flow-member branch's own fields. */
export const BranchInfo = z.object({
  orgForm: z.enum(['standalone_branch', 'joint_branch', 'flow_branch'], {
    error: '请选择党组织形式',
  }),
  affiliation: optionalText('所属市场或平台', 100),
  contactName: text('联系人', 30),
  contactPhone: text('联系电话', 20),
  acceptsFlowMembers: z.boolean({ error: '请选择是否接收流动党员' }),
})
export type BranchInfo = z.infer<typeof BranchInfo>

/** What staff enter for a place; location in GCJ-02. */
export const PlaceInput = z
  .object({
    name: text('场所名称', 60),
    kind: PlaceKind,
    brand: StationBrand.optional(),
    address: text('地址', 200),
    regionCode: RegionCode,
    location: GeoPoint,
    hours: OpeningHours,
    facilities: z.array(Facility).max(20),
    phone: optionalText('电话', 20),
    operator: PlaceOperator,
    lastCheckedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '核查日期应为“年-月-日”')
      .refine(isCalendarDay, '核查日期不是有效日期')
      .optional(),
    branch: BranchInfo.optional(),
  })
  .superRefine((place, ctx) => {
    if (place.kind === 'flow_branch' && !place.branch)
      ctx.addIssue({ code: 'custom', path: ['branch'], message: '请填写党支部信息' })
  })
export type PlaceInput = z.infer<typeof PlaceInput>

export const UpdatePlaceRequest = z.object({
  place: PlaceInput.optional(),
  status: PlaceStatus.optional(),
})

/** A comma-separated query parameter (`kinds=canteen,flow_branch`) as a checked list. */
const csv = <T extends string>(item: z.ZodEnum<Record<T, T>>) =>
  z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',').filter(Boolean) : []))
    .pipe(z.array(item))

/** Caller's location is used for this query only and never stored or logged. */
export const NearbyQuery = z.object({
  lat: z.coerce.number({ error: '缺少纬度' }).min(-90).max(90),
  lng: z.coerce.number({ error: '缺少经度' }).min(-180).max(180),
  /** Metres; capped at 20 km. */
  radius: z.coerce
    .number()
    .int()
    .min(100, '半径至少100米')
    .max(20_000, '半径最多20公里')
    .default(3000),
  kinds: csv(PlaceKind),
  facilities: csv(Facility),
  openNow: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  after: z.string().max(200).optional(),
  /**
   * `true`: the nearest open places whatever their distance, `radius` ignored. For a
   * rider with nothing within 20 km, who still needs to know where the nearest one is.
   */
  nearest: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('true: the nearest open places whatever their distance; radius is ignored'),
})
export type NearbyQuery = z.input<typeof NearbyQuery>

/** Without location: a county (or any region) and an optional keyword. */
export const PlaceSearchQuery = z.object({
  region: RegionCode.optional(),
  q: z.string().trim().max(30).optional(),
  kinds: csv(PlaceKind),
  facilities: csv(Facility),
  openNow: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  after: z.string().max(200).optional(),
})

export const PlaceSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: PlaceKind,
  address: z.string(),
  regionCode: z.string(),
  lat: z.number(),
  lng: z.number(),
  /** Present in nearby answers only. */
  distanceMeters: z.number().int().optional(),
  /** The place's own phone, to call from a list row; null when it has none. */
  phone: z.string().nullable(),
  openNow: z.boolean(),
  always: z.boolean(),
  facilities: z.array(Facility),
  status: PlaceStatus,
})
export type PlaceSummary = z.infer<typeof PlaceSummary>
export const PlacePage = z.object({ items: z.array(PlaceSummary), next: z.string().nullable() })
export type PlacePage = z.infer<typeof PlacePage>

export const PlaceDetail = PlaceSummary.extend({
  brand: StationBrand.nullable(),
  regionName: z.string(),
  hours: OpeningHours,
  operator: PlaceOperator,
  lastCheckedOn: z.string().nullable(),
  branch: BranchInfo.nullable(),
})
export type PlaceDetail = z.infer<typeof PlaceDetail>
export const PlaceParams = z.object({ id: z.uuid('场所编号格式不正确') })
/** WeChat's scene alphabet, at most 32 characters: what a place's QR code carries. */
export const SCENE_ALPHABET = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
export const PlaceCodeParams = z.object({
  code: z.string().regex(SCENE_ALPHABET, '场所码格式不正确'),
})

/** The place-import file's columns: field → its Chinese header (the field names work too). */
export const placeImportColumns = {
  name: '名称',
  kind: '类型',
  address: '地址',
  regionCode: '行政区划代码',
  lat: '纬度',
  lng: '经度',
  hours: '开放时间',
  facilities: '设施',
  phone: '电话',
  operator: '运营方',
} as const
export type PlaceImportField = keyof typeof placeImportColumns
export const requiredPlaceImportFields: PlaceImportField[] = [
  'name',
  'kind',
  'address',
  'regionCode',
  'lat',
  'lng',
  'hours',
]

export const CoordinateSystem = z.enum(['wgs84', 'gcj02', 'bd09'], {
  error: '请选择坐标系（WGS-84、GCJ-02 或 BD-09）',
})
export type CoordinateSystem = z.infer<typeof CoordinateSystem>
export const PlaceImportQuery = z.object({ crs: CoordinateSystem })

export const PlaceImportReport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  crs: CoordinateSystem,
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  rejected: z.array(
    z.object({ line: z.number().int(), field: z.string().nullable(), reason: z.string() }),
  ),
  /** Same name within 30 m of another place (in the file or already stored): not imported. */
  duplicates: z.array(z.object({ line: z.number().int(), name: z.string(), existing: z.string() })),
})
export type PlaceImportReport = z.infer<typeof PlaceImportReport>

export const CheckinState = z.enum(['pending', 'approved', 'declined', 'withdrawn'])
export const checkinStateNames: Record<z.infer<typeof CheckinState>, string> = {
  pending: '待确认',
  approved: '已报到',
  declined: '未通过',
  withdrawn: '已撤回',
}
export const Checkin = z.object({
  id: z.uuid(),
  placeId: z.uuid(),
  placeName: z.string(),
  memberName: z.string(),
  state: CheckinState,
  note: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
})
export type Checkin = z.infer<typeof Checkin>
export const CheckinList = z.object({ items: z.array(Checkin) })
/** Check-ins at my jurisdiction's branches (oldest first); no state means every state. */
export const CheckinQueueQuery = z.object({
  state: CheckinState.optional(),
  region: RegionCode.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type CheckinQueueQuery = z.input<typeof CheckinQueueQuery>
/** One page of the queue and the queue's size over all pages. */
export const CheckinPage = z.object({
  items: z.array(Checkin),
  next: z.string().nullable(),
  /** The list's size over all pages: on the first page only (no `after`). */
  total: z.int().min(0).optional(),
})
export type CheckinPage = z.infer<typeof CheckinPage>
export const CheckinRequest = z.object({ note: optionalText('留言', 200) })
export const CheckinDecision = z
  .object({
    decision: z.enum(['approve', 'decline'], { error: '请选择同意或不同意' }),
    note: optionalText('说明', 200),
  })
  .refine((body) => body.decision === 'approve' || (body.note ?? '').length >= 2, {
    path: ['note'],
    message: '请填写不同意的原因',
  })
