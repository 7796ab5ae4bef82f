import type { ComponentType } from 'react'
import { useDemoMode } from '../../hooks/useDemoMode'
import DemoBanner from '.'

/** A page with the demo banner above it while the server runs on demo data. */
export function withDemoBanner<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function PageWithDemoBanner(props: P) {
    const demo = useDemoMode()
    return (
      <>
        {demo && <DemoBanner standalone />}
        <Page {...props} />
      </>
    )
  }
  return PageWithDemoBanner
}
