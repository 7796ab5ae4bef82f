import { useEffect, useState } from 'react'
import { fetchRegion } from '../../services/regions'
import { drillTrail, type TrailStep } from './trail'

/**
 * The drill-down trail of the region shown, from the caller's own region: the region alone
 * until its ancestors arrive (and when they cannot be had); none asked for at the caller's
 * own region, which is where every trail starts.
 */
export function useDrillTrail(region: TrailStep, own: string | undefined): TrailStep[] {
  const [ancestors, setAncestors] = useState<TrailStep[]>([])
  const { code } = region
  useEffect(() => {
    setAncestors([])
    if (!own || own === code) return
    let live = true
    fetchRegion(code).then(
      (detail) => live && setAncestors(detail.ancestors),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [code, own])
  return drillTrail(region, ancestors, own)
}
