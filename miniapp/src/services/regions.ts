import { type Region, RegionDetail, RegionList } from '@djt/shared'
import { get } from './http'

export type { Region, RegionDetail } from '@djt/shared'

/** A region with its ancestors, to name a jurisdiction in full (福州市鼓楼区). */
export function fetchRegion(code: string): Promise<RegionDetail> {
  return get(`/regions/${encodeURIComponent(code)}`, RegionDetail)
}

/** The regions directly under `parent`; the provinces without one (the county picker). */
export async function fetchRegionChildren(parent?: string): Promise<Region[]> {
  return (await get('/regions', RegionList, parent ? { parent } : undefined)).items
}
