import { z } from 'zod'
import { optionalText, text } from './memberships.ts'
import { GeoPoint } from './validators/geoPoint.ts'
import { RegionCode } from './validators/regionCode.ts'
import { WorkYear } from './work.ts'

/**
 * Riders' difficulties (诉求, issue 20): a signed-in rider raises one, it goes to the county
 * of the place chosen (or of the rider's own registration), whose staff reply, forward it
 * inside their jurisdiction, or close it with an outcome; the rider says whether it helped.
 * Other riders add 我也遇到 to an open one instead of raising the same again.
 */

export const DifficultyCategory = z.enum(
  ['entry', 'stairs', 'parking', 'charging', 'rights', 'conditions', 'other'],
  { error: '请选择诉求类别' },
)
export type DifficultyCategory = z.infer<typeof DifficultyCategory>

export const difficultyCategoryNames: Record<DifficultyCategory, string> = {
  entry: '进门难',
  stairs: '上楼难',
  parking: '停车难',
  charging: '充电难',
  rights: '权益保障',
  conditions: '工作环境',
  other: '其他',
}

export const DifficultyOutcome = z.enum(['solved', 'referred', 'unsolvable'], {
  error: '请选择办理结果',
})
export type DifficultyOutcome = z.infer<typeof DifficultyOutcome>

export const difficultyOutcomeNames: Record<DifficultyOutcome, string> = {
  solved: '已协调解决',
  referred: '已转有关部门',
  unsolvable: '暂无法解决',
}

export const DifficultyState = z.enum(['open', 'closed'])
export type DifficultyState = z.infer<typeof DifficultyState>

/** Photos a difficulty may carry (uploaded first through POST /photos). */
export const DIFFICULTY_PHOTOS_MAX = 3
/** New difficulties one rider may raise in a China day. */
export const DIFFICULTIES_PER_DAY = 5
/** How far 我也遇到 looks for open difficulties of the same kind round a point. */
export const ME_TOO_RADIUS_METRES = 2000

/**
 * A place the rider chose on the map or by address (WeChat's chooseLocation: never the
 * live position), with the county it lies in.
 */
export const DifficultyPlace = z
  .object({
    name: optionalText('地点名称', 60),
    address: text('地点地址', 100, 2),
    regionCode: RegionCode,
    location: GeoPoint,
  })
  .strict()
export type DifficultyPlace = z.infer<typeof DifficultyPlace>

export const RaiseDifficultyRequest = z.object({
  category: DifficultyCategory,
  text: text('诉求内容', 500, 5),
  photoIds: z
    .array(z.uuid('照片编号格式不正确'))
    .max(DIFFICULTY_PHOTOS_MAX, `照片最多${DIFFICULTY_PHOTOS_MAX}张`)
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片只能放一次')
    .default([]),
  place: DifficultyPlace.optional(),
})
export type RaiseDifficultyRequest = z.input<typeof RaiseDifficultyRequest>

export const DifficultyIdParams = z.object({ id: z.uuid('诉求编号格式不正确') })
export const DifficultyPhotoParams = DifficultyIdParams.extend({
  photoId: z.uuid('照片编号格式不正确'),
})

export const ReplyDifficultyRequest = z.object({ text: text('答复内容', 500, 2) })
export const ForwardDifficultyRequest = z.object({
  regionCode: RegionCode,
  note: text('转办说明', 200, 2),
})
export const CloseDifficultyRequest = z
  .object({ outcome: DifficultyOutcome, note: optionalText('办理说明', 500) })
  .superRefine((body, ctx) => {
    if (body.outcome === 'unsolvable' && !body.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '暂无法解决时，请写明原因' })
  })
export const DifficultyFeedbackRequest = z.object({
  helpful: z.boolean({ error: '请选择是否有帮助' }),
})

export const DifficultyEventKind = z.enum(['raised', 'reply', 'forward', 'close', 'feedback'])
export const DifficultyEvent = z.object({
  kind: DifficultyEventKind,
  text: z.string().nullable(),
  /** A forward's new county; a close's outcome is on the difficulty. */
  regionName: z.string().nullable(),
  at: z.string(),
})
export type DifficultyEvent = z.infer<typeof DifficultyEvent>

export const Difficulty = z.object({
  id: z.uuid(),
  category: DifficultyCategory,
  text: z.string(),
  place: z
    .object({
      name: z.string().nullable(),
      address: z.string(),
      location: z.object({ lat: z.number(), lng: z.number() }),
    })
    .nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  state: DifficultyState,
  outcome: DifficultyOutcome.nullable(),
  helpful: z.boolean().nullable(),
  /** Other riders who said 我也遇到. */
  meToo: z.int(),
  photoIds: z.array(z.uuid()),
  createdAt: z.string(),
  events: z.array(DifficultyEvent),
})
export type Difficulty = z.infer<typeof Difficulty>

export const DifficultyList = z.object({ items: z.array(Difficulty) })

/** An open difficulty near a point, for 我也遇到: no rider is named. */
export const NearbyDifficulty = Difficulty.pick({
  id: true,
  category: true,
  text: true,
  place: true,
  meToo: true,
  createdAt: true,
}).extend({ distance: z.int(), mine: z.boolean(), meTooByMe: z.boolean() })
export const NearbyDifficultyList = z.object({ items: z.array(NearbyDifficulty) })
export const NearbyDifficultyQuery = z.object({
  lat: z.coerce.number().min(3.8).max(53.6),
  lng: z.coerce.number().min(73.5).max(135.1),
  category: DifficultyCategory.optional(),
})

export const StaffDifficultyQuery = z.object({
  region: RegionCode.optional(),
  state: DifficultyState.optional(),
  category: DifficultyCategory.optional(),
  /** A hot spot: the difficulties within HOTSPOT_RADIUS_M of this one's place. */
  near: z.uuid('热点编号格式不正确').optional(),
  /** Raised in this year (China time): the ledger's figures open the list with it. */
  year: WorkYear.optional(),
  /** `within_week`: first answered (a reply or the close) within 7 days of being raised. */
  answered: z.enum(['within_week'], { error: '答复时限无效' }).optional(),
  outcome: DifficultyOutcome.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().max(200).optional(),
})
export const StaffDifficulty = Difficulty.extend({
  /** The rider's registered name when verified; never a mobile or ID number. */
  riderName: z.string().nullable(),
})
export type StaffDifficulty = z.infer<typeof StaffDifficulty>
export const StaffDifficultyPage = z.object({
  items: z.array(StaffDifficulty),
  next: z.string().nullable(),
  total: z.int(),
})

/** Difficulties this close to one another count as one place (热点). */
export const HOTSPOT_RADIUS_M = 200
/** The hot spots a county shows, most difficulties first. */
export const HOTSPOTS_MAX = 30

export const DifficultyHotspotQuery = z.object({
  region: RegionCode.optional(),
  state: DifficultyState.optional(),
  category: DifficultyCategory.optional(),
})
export type DifficultyHotspotQuery = z.input<typeof DifficultyHotspotQuery>

const openClosed = { open: z.int(), closed: z.int() }

/**
 * Per county and category, open and closed; for a county, the places with repeated
 * difficulties: each spot is every difficulty (of the filters) within HOTSPOT_RADIUS_M of
 * one difficulty's place, `id`, which `near=id` on the staff list opens. Spots do not
 * share a centre's neighbourhood: a difficulty inside a larger spot is no spot's centre.
 */
export const DifficultyHotspots = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  counties: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      ...openClosed,
      byCategory: z.array(
        z.object({ category: DifficultyCategory, label: z.string(), ...openClosed }),
      ),
    }),
  ),
  /** Only for a county: null above one (open a county to see its places). */
  spots: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        address: z.string(),
        location: z.object({ lat: z.number(), lng: z.number() }),
        total: z.int(),
        ...openClosed,
        byCategory: z.array(
          z.object({ category: DifficultyCategory, label: z.string(), count: z.int() }),
        ),
      }),
    )
    .nullable(),
  /** Of the county's difficulties (of the filters), those with a place, and without. */
  located: z.int(),
  unlocated: z.int(),
})
export type DifficultyHotspots = z.infer<typeof DifficultyHotspots>
