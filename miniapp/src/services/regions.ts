import { RegionDetail } from '@djt/shared'
import { get } from './http'

export type { RegionDetail } from '@djt/shared'

/** A region with its ancestors, to name a jurisdiction in full (福州市鼓楼区). */
export function fetchRegion(code: string): Promise<RegionDetail> {
  return get(`/regions/${encodeURIComponent(code)}`, RegionDetail)
}
