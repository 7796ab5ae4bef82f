import type { RegionLevel } from '@djt/shared'

export interface TrailStep {
  code: string
  name: string
  level: RegionLevel
}

const depth: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 }

/**
 * The drill-down from the caller's own region to the one shown: 福建省 › 福州市 › 鼓楼区
 * for the province, 鼓楼区 alone for its county. Regions above the caller's are left out;
 * a region outside the caller's line (never served) shows alone. The ancestors are the
 * server's (/regions/:code), not derived from the code's digits: a county-level city
 * directly under its province (e.g. 469001) has no city 469000 above it.
 */
export function drillTrail(
  region: TrailStep,
  ancestors: readonly TrailStep[],
  own: string | undefined,
): TrailStep[] {
  const line = [...ancestors.filter((a) => a.code !== region.code), region].sort(
    (a, b) => depth[a.level] - depth[b.level],
  )
  const start = line.findIndex((step) => step.code === own)
  return start >= 0 ? line.slice(start) : [region]
}
