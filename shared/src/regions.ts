import { z } from 'zod'

export const RegionLevel = z.enum(['province', 'city', 'county'])
export type RegionLevel = z.infer<typeof RegionLevel>

const sixDigits = z.string().regex(/^[1-9]\d{5}$/, '行政区划代码应为6位数字')

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
})
export type Region = z.infer<typeof Region>

/** Children of one region (provinces when `parent` is omitted): the county picker walks this. */
export const RegionListQuery = z.object({ parent: sixDigits.optional() })
export const RegionList = z.object({ items: z.array(Region) })
export type RegionList = z.infer<typeof RegionList>

export const RegionParams = z.object({ code: sixDigits })
/** One region with its ancestors from the province down, for breadcrumbs. */
export const RegionDetail = Region.extend({ ancestors: z.array(Region) })
export type RegionDetail = z.infer<typeof RegionDetail>
