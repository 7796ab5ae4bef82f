import { useEffect, useState } from 'react'
import { jurisdictionPrefix } from '../profile/labels'
import { fetchRegion } from '../services/regions'

/** 福州市鼓楼区 for 350102; the bare code until the name arrives, or if the lookup fails. */
export function useRegionName(code: string): string {
  const [name, setName] = useState(code)
  useEffect(() => {
    setName(code)
    if (!code) return
    let live = true
    fetchRegion(code).then(
      (region) => live && setName(jurisdictionPrefix(region.ancestors) + region.name),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [code])
  return name
}
