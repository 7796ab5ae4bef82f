import { z } from 'zod'
import { RegionCode } from './validators/regionCode.ts'

export const RegionLevel = z.enum(['province', 'city', 'county'])
export type RegionLevel = z.infer<typeof RegionLevel>

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
})
export type Region = z.infer<typeof Region>

/** Children of one region (provinces when `parent` is omitted): the county picker walks this. */
export const RegionListQuery = z.object({ parent: RegionCode.optional() })
export const RegionList = z.object({ items: z.array(Region) })
export type RegionList = z.infer<typeof RegionList>

export const RegionParams = z.object({ code: RegionCode })
/** One region with its ancestors from the province down, for breadcrumbs. */
export const RegionDetail = Region.extend({ ancestors: z.array(Region) })
export type RegionDetail = z.infer<typeof RegionDetail>
