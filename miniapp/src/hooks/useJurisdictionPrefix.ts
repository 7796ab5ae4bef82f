import { useEffect, useState } from 'react'
import { jurisdictionPrefix } from '../profile/labels'
import { fetchRegion } from '../services/regions'

/** The names above a region (福州市 for 鼓楼区); empty until known, or if the lookup fails. */
export function useJurisdictionPrefix(regionCode: string | undefined): string {
  const [prefix, setPrefix] = useState('')
  useEffect(() => {
    setPrefix('')
    if (!regionCode) return
    let live = true
    fetchRegion(regionCode).then(
      (region) => live && setPrefix(jurisdictionPrefix(region.ancestors)),
      // The region's own name is already on screen: the lookup only adds detail.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [regionCode])
  return prefix
}
